/// The characters the usage chart draws with (`tally usage`). Each column is one
/// UTC day showing the average MB reserved that day (its MB-seconds ÷ 86,400)
/// as a share of the row's peak MB: blank when nothing was reserved, else
/// level k of n when the share is above (k−1)/n and at most k/n, so any usage
/// at all shows, and the top level means more than (n−1)/n of the peak.
public enum ChartRamp: Sendable, Hashable, CaseIterable {
    /// Block elements `▁▂▃▄▅▆▇█` (8 levels), for UTF-8 capable output.
    case blocks
    /// Plain ASCII ` .:-=+*#%@` (9 levels), for `--ascii` or output that is not UTF-8 capable.
    case ascii

    /// Blank first, then one character per level, lowest first.
    var characters: [Character] {
        switch self {
        case .blocks: [" ", "\u{2581}", "\u{2582}", "\u{2583}", "\u{2584}", "\u{2585}", "\u{2586}", "\u{2587}", "\u{2588}"]
        case .ascii: Array(" .:-=+*#%@")
        }
    }

    /// The number of levels above blank: 8 for blocks, 9 for ASCII.
    var levels: Int { characters.count - 1 }

    /// The level of a day: 0 when `mbSeconds` is 0, else ⌈levels × average ÷
    /// peak⌉ in 1…levels, where average = `mbSeconds` ÷ 86,400; exact integers.
    ///
    /// - Parameters:
    ///   - mbSeconds: the day's billed MB-seconds (≥ 0).
    ///   - peakMB: the row's peak reserved MB; a day's average never exceeds it.
    func level(mbSeconds: Int64, peakMB: Int64) -> Int {
        guard mbSeconds > 0, peakMB > 0 else { return 0 }
        let capacity = Int128(peakMB) * Int128(CivilCalendar.secondsPerDay)
        let scaled = Int128(mbSeconds) * Int128(levels)
        let level = Int((scaled + capacity - 1) / capacity)
        return min(max(level, 1), levels)
    }

    /// One row's chart: `|`, a character per day, `|`.
    func chart(dailyMBSeconds: [Int64], peakMB: Int64) -> String {
        let characters = self.characters
        return "|" + String(dailyMBSeconds.map { characters[level(mbSeconds: $0, peakMB: peakMB)] }) + "|"
    }

    /// A heading as wide as a chart of `days` days, with day numbers 1, 10,
    /// 20 and the last day ending over their column: ` 1       10        20         31`.
    static func ruler(days: Int) -> String {
        var characters = Array(repeating: Character(" "), count: days + 2)
        for day in [1, 10, 20, days] {
            let label = Array(String(day))
            for (offset, character) in label.enumerated() {
                characters[day - label.count + 1 + offset] = character
            }
        }
        return String(characters)
    }
}
