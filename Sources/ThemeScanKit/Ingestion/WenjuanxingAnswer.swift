/// Reads one Wenjuanxing (问卷星) answer cell into the lines of text it stands for.
///
/// - `-2` and `-3` (and the text exports' `(跳过)`, `(空)`) mark questions the respondent skipped or never saw:
///   no text.
/// - `┋` joins the options of a multi-select answer: each becomes a line of its own.
/// - `〖…〗` holds what the respondent typed into an option's fill-in box, as in `其他〖我们学校有心理老师〗`. The
///   option text and the fill-in become two lines, both kept: the option is what the respondent ticked, kept as
///   every other ticked option in the cell is, and the fill-in is their own words. A line apart, no term can
///   match across the designer's option text and the respondent's words, and a fill-in left empty (`其他〖〗`)
///   leaves the option alone.
public enum WenjuanxingAnswer {
    /// Cell values that mean the question was skipped.
    public static let skippedMarks: Set<String> = ["-2", "-3", "(跳过)", "(空)", "（跳过）", "（空）"]

    /// The non-empty lines of `cell`, trimmed.
    public static func lines(_ cell: String) -> [String] {
        let trimmed = cell.trimmingWhitespace()
        guard !skippedMarks.contains(trimmed) else { return [] }
        return trimmed.split(separator: "┋", omittingEmptySubsequences: true).flatMap { option -> [String] in
            let item = String(option).trimmingWhitespace()
            guard !skippedMarks.contains(item) else { return [] }
            return pieces(of: item)
        }
    }

    /// The text outside and inside `〖…〗` brackets of one option, in order, empty pieces dropped.
    static func pieces(of item: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in item {
            if character == "〖" || character == "〗" {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
