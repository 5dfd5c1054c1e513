package dev.stackbench.contestant.springboot;

/** A query parameter that parsed but is outside its allowed range; answered 400. */
class InvalidParameterException extends RuntimeException {

    InvalidParameterException(String message) {
        super(message);
    }
}
