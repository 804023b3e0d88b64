package io.waybill.kernel;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which city a free-text address or place names, the way hub choice reads it: a city is named when
 * its name appears in the text as whole words, ignoring case; of several named, the longest name
 * wins (so "New Delhi" beats "Delhi" in an address in New Delhi), then the alphabetically first,
 * so that every module and instance reads the same city from the same text. Shared because the
 * network module (hubs, lanes) and the shipments module (promised dates, local times) must agree.
 */
public final class CityNames {

    private static final Comparator<String> PREFERRED = Comparator.comparingInt(String::length).reversed()
            .thenComparing(city -> city.toLowerCase(Locale.ROOT));

    private CityNames() {
    }

    /** Whether the text names the city as whole words, ignoring case. */
    public static boolean names(String text, String city) {
        if (text == null || city == null || city.isBlank()) {
            return false;
        }
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(city.strip().toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])");
        return word.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The city, of these, that the text names: the longest name named, or none. */
    public static Optional<String> namedIn(String text, Collection<String> cities) {
        return cities.stream().filter(city -> names(text, city)).min(PREFERRED);
    }

    /** Orders cities as {@link #namedIn} prefers them: longest first, then alphabetically. */
    public static Comparator<String> preference() {
        return PREFERRED;
    }

    /** Two city names are the same city when they are equal ignoring case and surrounding blanks. */
    public static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
