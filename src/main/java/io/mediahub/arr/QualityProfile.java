package io.mediahub.arr;

import java.util.Map;

/**
 * A Radarr/Sonarr quality profile as far as scoring goes: its custom-format scores (by format name), the minimum
 * score a release needs, the score at which upgrades stop, the cutoff quality and whether upgrades are allowed.
 */
public record QualityProfile(int id, String name, boolean upgradeAllowed, String cutoffQuality, int minFormatScore,
                             int cutoffFormatScore, Map<String, Integer> formatScores, Map<Integer, String> formatNames) {

    public int scoreOf(String formatName) {
        return formatScores.getOrDefault(formatName, 0);
    }
}
