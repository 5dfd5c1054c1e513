package dev.stackbench.contestant.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Stackbench API (spec v2) as an ordinary Spring Boot application: Spring MVC on the
 * embedded Tomcat, JdbcTemplate over the auto-configured HikariCP pool.
 *
 * <p>Configuration comes from the environment the lab sets (see {@code application.properties}).
 * {@code --version} prints the Spring Boot version and exits without starting anything, so the
 * lab can read it without a database or a port.
 */
@SpringBootApplication
public class StackbenchApplication {

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(SpringBootVersion.getVersion());
            return;
        }
        SpringApplication.run(StackbenchApplication.class, args);
    }
}
