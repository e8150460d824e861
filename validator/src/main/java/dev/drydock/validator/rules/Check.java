package dev.drydock.validator.rules;

/** One group of rules that share what they look at. */
interface Check {
    void run(Analysis analysis, FindingSink sink);
}
