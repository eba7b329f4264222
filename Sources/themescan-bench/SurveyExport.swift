import Foundation
import ThemeScanKit

/// A survey export made from the generated interviews: one row per non-blank line (`id,respondent,answer`), as a
/// questionnaire platform or a social-media export lays out its rows, each row a case of its own.
///
/// Such a file is one input holding tens of thousands of documents, which the corpus of interview files never
/// exercises: it measures what a run costs per row rather than per file.
struct SurveyExport {
    /// Writes `survey-<megabytes>mb.csv` into `folder` from the lines of `files`, in order, until the answers reach
    /// `megabytes`; returns the file and its row count. The same files give the same bytes.
    static func write(megabytes: Int, from files: [String], into folder: URL) throws -> (file: URL, rows: Int) {
        let file = folder.appendingPathComponent("survey-\(megabytes)mb.csv")
        var table = CSVTable(header: ["id", "respondent", "answer"])
        var answerBytes = 0
        reading: for path in files {
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let answer = line.trimmingCharacters(in: .whitespaces)
                guard !answer.isEmpty else { continue }
                let row = table.rows.count + 1
                // A respondent answers several times, as in an export of posts.
                table.rows.append([String(row), "r\(row % 5_000)", answer])
                answerBytes += answer.utf8.count
                if answerBytes >= megabytes << 20 { break reading }
            }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try table.forEachCSVPiece(byteOrderMark: false) { try handle.write(contentsOf: Data($0)) }
        return (file, table.rows.count)
    }
}
