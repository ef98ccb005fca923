package io.mediahub.config;

/** A setting has a value Mediahub cannot use; the message names the setting, its variable and what is expected. */
public class SettingException extends IllegalArgumentException {
    public SettingException(String message) {
        super(message);
    }
}
