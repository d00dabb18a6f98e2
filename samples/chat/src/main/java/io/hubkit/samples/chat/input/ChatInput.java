package io.hubkit.samples.chat.input;

import io.hubkit.core.HubException;
import io.hubkit.samples.chat.ChatProperties;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Validates and normalises user input. Each method either returns the canonical value or throws a
 * {@link HubException} with a sentence meant for the person typing. Stateless and thread-safe.
 *
 * <ul>
 *   <li>user names: letters, digits, {@code _ . -}; case is kept; surrounding blanks are dropped</li>
 *   <li>room names: lower-case letters, digits and {@code -}, starting with a letter or digit; a
 *       leading {@code #} and upper case are accepted and normalised away</li>
 *   <li>texts: not blank, at most {@code chat.max-message-length} characters, no control characters
 *       other than line breaks and tabs</li>
 * </ul>
 */
@Component
public class ChatInput {

    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");
    private static final Pattern ROOM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern FORBIDDEN_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private final int maxNameLength;
    private final int maxMessageLength;

    public ChatInput(ChatProperties properties) {
        this.maxNameLength = properties.maxNameLength();
        this.maxMessageLength = properties.maxMessageLength();
    }

    /** The canonical user name, or {@code null} when {@code raw} is not a valid one. */
    public String userNameOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        return fits(name, maxNameLength) && USER_NAME.matcher(name).matches() ? name : null;
    }

    /** The canonical user name; throws the naming rule when {@code raw} is not a valid one. */
    public String userName(String raw) {
        String name = userNameOrNull(raw);
        if (name == null) {
            throw new HubException(userNameRule());
        }
        return name;
    }

    /** The rule for user names, as a sentence. */
    public String userNameRule() {
        return "A name is 1 to " + maxNameLength + " letters, digits, '_', '.' or '-'.";
    }

    /** The canonical (lower-case, no {@code #}) room name; throws the naming rule otherwise. */
    public String roomName(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("#")) {
            name = name.substring(1);
        }
        if (!fits(name, maxNameLength) || !ROOM_NAME.matcher(name).matches()) {
            throw new HubException("A room name is 1 to " + maxNameLength
                    + " lower-case letters, digits or '-', starting with a letter or digit.");
        }
        return name;
    }

    /** The message text without surrounding blanks; throws when it is blank, too long or has control characters. */
    public String messageText(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new HubException("Write something first.");
        }
        if (text.codePointCount(0, text.length()) > maxMessageLength) {
            throw new HubException("A message is at most " + maxMessageLength + " characters.");
        }
        if (FORBIDDEN_CONTROL.matcher(text).find()) {
            throw new HubException("A message cannot contain control characters.");
        }
        return text;
    }

    private static boolean fits(String value, int maxLength) {
        return !value.isEmpty() && value.codePointCount(0, value.length()) <= maxLength;
    }
}
