import Foundation
import ThemeScanKit

/// Writes a deterministic benchmark corpus: interview-like files mixing Chinese and English, dense in codebook
/// terms, or files made of one long Han run without punctuation.
///
/// Denser than the sample interviews: nearly every clause holds a codebook term of its own besides the terms
/// added, so the default codebook writes a `matches.csv` row every 34 bytes of text, where the sample corpus has
/// one every 88 bytes. Matching and rows weigh more here than in the sample corpus.
struct CorpusGenerator {
    enum Kind: String {
        /// Speaker turns of Chinese sentences with fillers, some English, terms every few clauses.
        case interviews
        /// One run of Han characters per file, no punctuation or spaces at all.
        case hanRun = "han-run"
    }

    var kind: Kind
    var seed: UInt64 = 2024
    /// Bytes per file; the last file of a corpus may be smaller.
    var fileBytes = 256 << 10
    /// Fixed terms of the codebook (no wildcards), Chinese and English, to place in the text.
    var chineseTerms: [String]
    var englishTerms: [String]

    private static let fillers = ["嗯", "那个", "就是说", "其实", "然后", "怎么说呢", "对", "反正"]
    private static let clauses = [
        "我们这边主要是在学校里做", "家长那边一开始不太理解", "后来慢慢就接受了", "老师们反映比较多的是",
        "去年一年大概跟了四十几个孩子", "有的孩子一到考试前就肚子疼", "社区里面也有一些资源可以用",
        "这个我回头再核一下数字", "说实话经费一直是个问题", "孩子们其实很愿意说", "我们也在想怎么评估效果",
        "县里的教育局后来也来看过", "有几个孩子是爷爷奶奶带大的", "晚上睡不着白天上课就没精神",
        "同学之间有时候会起冲突", "我们做了一个前后测的问卷", "暑假的时候办了一期营会", "专业的人手一直不够",
    ]
    private static let englishClauses = [
        "we started with a needs assessment", "the teachers asked for more training",
        "parents were hard to reach at first", "some kids would not talk at all",
        "we tracked them over the whole school year", "funding came in small grants",
    ]
    private static let hanCharacters = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研")

    /// Writes about `megabytes` MB of text into `folder` (created) and returns the file paths in order.
    func write(megabytes: Int, into folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed ^ UInt64(megabytes))
        var remaining = megabytes << 20
        var paths: [String] = []
        while remaining > 0 {
            let size = min(fileBytes, remaining)
            let text = kind == .hanRun ? hanRun(bytes: size, random: &random) : interview(bytes: size, random: &random)
            let path = folder.appendingPathComponent(String(format: "doc-%05d.txt", paths.count + 1)).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            remaining -= text.utf8.count
        }
        return paths
    }

    private func interview(bytes: Int, random: inout SplitMix64) -> String {
        var text = ""
        text.reserveCapacity(bytes + 512)
        var interviewer = true
        while text.utf8.count < bytes {
            text += interviewer ? "访谈者：" : "受访者："
            let clauseCount = interviewer ? Int.random(in: 1...2, using: &random) : Int.random(in: 3...9, using: &random)
            for index in 0..<clauseCount {
                if Int.random(in: 0..<4, using: &random) == 0 { text += Self.fillers.randomElement(using: &random)! + "，" }
                if Int.random(in: 0..<12, using: &random) == 0 {
                    text += " " + Self.englishClauses.randomElement(using: &random)!
                    if !englishTerms.isEmpty { text += " and " + englishTerms.randomElement(using: &random)! }
                    text += " "
                } else {
                    text += Self.clauses.randomElement(using: &random)!
                }
                // A codebook term added after about one clause in three.
                if Int.random(in: 0..<3, using: &random) == 0, !chineseTerms.isEmpty {
                    text += "，" + chineseTerms.randomElement(using: &random)! + "这块"
                }
                text += index == clauseCount - 1 ? (interviewer ? "？" : "。") : "，"
            }
            text += "\n"
            interviewer.toggle()
        }
        return text
    }

    private func hanRun(bytes: Int, random: inout SplitMix64) -> String {
        // Built as UTF-8 bytes: appending scalar by scalar to a string view was slower than the whole benchmark.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes + 64)
        let characters = Self.hanCharacters.map { Array(String($0).utf8) }
        let terms = chineseTerms.map { Array($0.utf8) }
        while utf8.count < bytes {
            if Int.random(in: 0..<20, using: &random) == 0, let term = terms.randomElement(using: &random) {
                utf8 += term
            } else {
                utf8 += characters.randomElement(using: &random)!
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
