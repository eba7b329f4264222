import Foundation
import ThemeScanKit

/// A survey export made from the generated interviews: one row per non-blank line (`id,respondent,answer`), as a
/// questionnaire platform or a social-media export lays out its rows, each row a case of its own.
///
/// Such a file is one input holding tens of thousands of documents, which the corpus of interview files never
/// exercises: it measures what a run costs per row rather than per file.
///
/// With `platformColumns`, each row also carries the columns a questionnaire platform adds (submission time,
/// time taken, channel, IP address with its region) and closed questions, as Wenjuanxing and Qualtrics exports
/// do: every one of them is a metadata column of every document.
struct SurveyExport {
    /// The platform's own columns; closed questions follow them.
    private static let platformHeaders = ["提交答卷时间", "所用时间", "来源", "来自IP"]
    private static let channels = ["手机提交", "微信", "链接", "电脑提交"]
    private static let regions = ["北京-北京", "广东-广州", "四川-成都", "湖南-长沙", "云南-昆明", "甘肃-兰州"]
    private static let options = ["非常同意", "同意", "一般", "不同意", "非常不同意", "家长┋老师", "学生┋社工┋其他"]

    /// Writes `survey-<megabytes>mb.csv` (or `survey-<megabytes>mb-<platformColumns>cols.csv`) into `folder` from
    /// the lines of `files`, in order, until the answers reach `megabytes`; returns the file and its row count.
    /// The same files give the same bytes.
    static func write(
        megabytes: Int, from files: [String], into folder: URL, platformColumns: Int = 0
    ) throws -> (file: URL, rows: Int) {
        let suffix = platformColumns > 0 ? "-\(platformColumns)cols" : ""
        let file = folder.appendingPathComponent("survey-\(megabytes)mb\(suffix).csv")
        let extra = (0..<platformColumns).map { index in
            index < platformHeaders.count ? platformHeaders[index] : "\(index - platformHeaders.count + 1)、单选题"
        }
        // Wenjuanxing numbers its questions, and reads every column that is not a question as its own.
        let answerHeader = platformColumns > 0 ? "\(max(1, platformColumns - platformHeaders.count + 1))、请谈谈您的项目：" : "answer"
        var table = CSVTable(header: ["id", "respondent"] + extra + [answerHeader])
        var random = SplitMix64(seed: UInt64(megabytes))
        var answerBytes = 0
        reading: for path in files {
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let answer = line.trimmingCharacters(in: .whitespaces)
                guard !answer.isEmpty else { continue }
                let row = table.rows.count + 1
                let values = extra.indices.map { platformValue(column: $0, row: row, random: &random) }
                // A respondent answers several times, as in an export of posts.
                table.rows.append([String(row), "r\(row % 5_000)"] + values + [answer])
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

    /// A value of platform column `column` for row `row`, shaped as the platform writes it.
    private static func platformValue(column: Int, row: Int, random: inout SplitMix64) -> String {
        switch column {
        case 0: return "2024/3/\(1 + row / 2_000 % 28) \(row / 60 % 24):\(row % 60 / 10)\(row % 10):\(Int.random(in: 10...59, using: &random))"
        case 1: return "\(Int.random(in: 30...900, using: &random))秒"
        case 2: return channels.randomElement(using: &random)!
        case 3:
            let address = (0..<4).map { _ in String(Int.random(in: 1...254, using: &random)) }.joined(separator: ".")
            return address + "(" + regions.randomElement(using: &random)! + ")"
        default: return options.randomElement(using: &random)!
        }
    }
}
