package io.mediahub.config;

/** A required setting has no value. The message names the variable to set, never a value. */
public class MissingSettingException extends RuntimeException {
    private final String key;

    public MissingSettingException(String key) {
        super(Settings.envName(key) + " is not set");
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String variable() {
        return Settings.envName(key);
    }
}
