import Foundation
import Testing

@testable import ThemeScanKit

/// The shipped codebook `lexicons/children-mental-health.yaml`: its shape, its hygiene, and the senses its terms,
/// exclusions and omissions were chosen for.
@Suite struct DefaultCodebookTests {
    private static let root = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let path = root.appendingPathComponent("lexicons/children-mental-health.yaml").path

    private static func load() throws -> (codebook: Codebook, warnings: [Diagnostic]) {
        try CodebookLoader(classifier: TestSupport.classifier).load(path: path)
    }

    private func check(_ marked: String) throws {
        let sample = MarkedText(marked)
        let matcher = try Matcher(
            codebook: try Self.load().codebook, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        #expect(try sample.found(by: matcher) == sample.expected)
    }

    // MARK: Shape

    @Test func loadsWithoutWarningsAndCoversTheReportsFrameworks() throws {
        let (codebook, warnings) = try Self.load()
        #expect(warnings.isEmpty)
        #expect(codebook.themes.map(\.id) == [
            "issues", "competence", "intervention-types", "intervention-elements", "target-groups", "settings",
            "providers", "higher-risk", "protective-individual", "protective-family", "protective-school",
            "protective-community", "evaluation", "challenges",
        ])
    }

    /// Results and downstream analyses refer to the starter codebook's code ids.
    @Test func keepsEveryStarterCodeID() throws {
        let ids = Set(try Self.load().codebook.codes.map(\.code.id))
        let starter: Set = [
            "depression", "anxiety", "stress", "self-harm-suicide", "loneliness", "bullying", "cyberbullying",
            "internet-addiction", "trauma", "emotion", "confidence", "self-esteem", "self-awareness", "interpersonal",
            "parent-child", "resilience", "prevention", "screening", "counselling", "treatment", "rehabilitation",
            "case-management", "mental-health-education", "curriculum", "group-counselling", "teacher-training",
            "parent-education", "hotline", "referral", "crisis-intervention", "children", "parents", "teachers",
            "left-behind", "migrant", "disability", "difficult-circumstances", "questionnaire", "interview", "pre-post",
            "outcome-evaluation",
        ]
        #expect(starter.subtracting(ids).isEmpty)
    }

    @Test func everyCodeHasChineseAndEnglishLabels() throws {
        for (_, code) in try Self.load().codebook.codes {
            #expect(code.label.texts["zh"] != nil && code.label.texts["en"] != nil, "\(code.id) needs zh and en labels")
        }
    }

    // MARK: Hygiene

    @Test func noTermIsListedTwice() throws {
        var owner: [[TermPattern.Element]: String] = [:]
        for (_, code) in try Self.load().codebook.codes {
            for term in code.terms {
                let pattern = try TermPattern(parsing: term.text.lowercased(), classifier: TestSupport.classifier)
                let previous = owner.updateValue(code.id, forKey: pattern.elements)
                #expect(previous == nil, "'\(term.text)' in \(code.id) repeats a term of \(previous ?? "")")
            }
        }
    }

    @Test func noOneCharacterHanTermsAndNoShortWildcardStems() throws {
        for (_, code) in try Self.load().codebook.codes {
            for term in code.terms {
                let scalars = term.text.unicodeScalars
                #expect(!(scalars.count == 1 && scalars.first!.properties.isIdeographic), "\(code.id): '\(term.text)'")
                for word in term.text.split(whereSeparator: { $0 == " " || $0 == "-" }) where word.hasSuffix("*") {
                    #expect(word.dropLast().count >= 4, "\(code.id): wildcard stem too short in '\(term.text)'")
                }
            }
        }
    }

    // MARK: Senses

    @Test func autismIsDisabilityNotLoneliness() throws {
        try check("有[[孤独症|disability]]的[[孩子|children]]也会[[孤独|loneliness]]")
    }

    @Test func idiomsAndHomonymsAreNotCoded() throws {
        try check("给[[志愿者|volunteers]]打预防针；作业辅导；the Great Depression, of course")
        try check("共同学习；士气低落；有病例；[[访谈|interview]]，不是访谈者：")
        try check("I want to stress that the art of it was a crisis of confidence, in the course of things")
        try check("人口普查；人脸识别；稳定性；一定量；南山区；跳楼价；想死你了")
    }

    @Test func specificCompoundsWinOverGenericCodes() throws {
        try check("[[抑郁情绪|depression]]和[[情绪|emotion]]；[[留守儿童|left-behind]]和[[儿童|children]]")
        try check("[[校园欺凌|bullying]]、[[网络欺凌|cyberbullying]]和[[家长课堂|parent-education]]")
    }

    /// Terms that would use up the start of the next word are left out of the codebook.
    @Test func shortTermsDoNotHideTheNextWord() throws {
        try check("[[孩子|children]]在[[家长|parents]]身边，在[[校长|school-wide]]办公室")
        try check("[[预防|prevention]][[性侵害|abuse-violence]]；化解[[忧郁|depression]]；教育[[儿童|children]]")
        try check("不[[同学校|school-setting]]的[[同学|children]]")
    }

    @Test func traditionalAndEnglishTextFindTheSameCodes() throws {
        try check("[[抑鬱|depression]]、[[網絡欺凌|cyberbullying]]、[[個案管理|case-management]]")
        try check("[[Parent–child relationships|parent-child]] and [[cyberbullying|cyberbullying]]; [[ＰＴＳＤ|trauma]]")
    }
}
