package dev.stackbench.contestant.springboot;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns a user's bad input into a 4xx JSON {@code {"error": ...}} whatever the request's Accept
 * header (Spring Boot's own error page is HTML for browsers), as docs/api.md requires.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    record ErrorBody(String error) {}

    static final ErrorBody USER_NOT_FOUND = new ErrorBody("User not found");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
        return badRequest("query parameter '" + e.getParameterName() + "' is required and must be an integer");
    }

    /**
     * A value that does not convert to the parameter's type. An integer id too large even for a
     * {@code long} is still an integer id, so it is a user that does not exist (404), not bad input.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        if ("id".equals(e.getName()) && e.getValue() instanceof String raw && INTEGER.matcher(raw).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(USER_NOT_FOUND);
        }
        return badRequest("'" + e.getName() + "' must be an integer in its allowed range, was '" + e.getValue() + "'");
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorBody> outOfRange(InvalidParameterException e) {
        return badRequest(e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noSuchPath(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody("Not found: /" + e.getResourcePath()));
    }

    private static ResponseEntity<ErrorBody> badRequest(String message) {
        return ResponseEntity.badRequest().body(new ErrorBody(message));
    }
}
