import Testing

@testable import ThemeScanKit

/// The matching contract of the README, one rule at a time, on marked text.
@Suite struct MatchingRulesTests {
    private func check(_ marked: String, _ codes: [(id: String, terms: [String], exclude: [String])], simplify: Bool = true) throws {
        let sample = MarkedText(marked)
        let matcher = try TestSupport.matcher(codes: codes, simplify: simplify)
        #expect(try sample.found(by: matcher) == sample.expected)
    }

    @Test func hanTermsMatchAnywhere() throws {
        try check(
            "他[[抑郁|d]]了，说自己不[[抑郁|d]]。情绪[[抑郁|d]]化",
            [("d", ["抑郁"], [])])
    }

    @Test func latinWordsNeedBoundaries() throws {
        try check(
            "[[Bullying|b]] and cyberbullying, bullyingly, [[bullying|b]]-free; ([[BULLYING|b]])? no: abullying, bullying2",
            [("b", ["bullying"], [])])
    }

    @Test func latinWordNextToHanHasABoundary() throws {
        try check("我们上[[SEL|s]]课程，也有[[sel|s]]。但 SELF 和 diesel 不算", [("s", ["SEL"], [])])
    }

    @Test func digitsAreWordCharacters() throws {
        try check("[[covid-19|c]] and COVID-190 and [[Covid 19|c]]", [("c", ["covid-19"], [])])
    }

    @Test func trailingStarMatchesAnyContinuationOfLetters() throws {
        try check(
            "[[depressed|d]], [[Depression|d]], [[depressive|d]], [[depress|d]]; undepressed; depress2",
            [("d", ["depress*"], [])])
    }

    @Test func trailingStarMatchesNoLettersAtTheEndOfTheText() throws {
        try check("I feel [[depress|d]]", [("d", ["depress*"], [])])
        // An exclusion ending in `*` covers a match at the very end too.
        try check("ab", [("x", ["ab"], ["ab*"])])
    }

    @Test func questionMarkMatchesExactlyOneLetter() throws {
        try check("[[colour|c]] color colouur [[COLOUR|c]]", [("c", ["colo?r"], [])])
    }

    @Test func spaceOrHyphenMatchesRunsOfSpacesAndDashes() throws {
        try check(
            "[[Parent–child relationships|pc]]; [[parent child relationship|pc]]; [[parent - child\nrelationship|pc]]; parentchild relationship",
            [("pc", ["parent-child relationship*"], [])])
    }

    @Test func longestMatchWinsAcrossCodes() throws {
        try check(
            "[[心理健康教育|b]]和[[心理健康|a]]，[[抑郁症|d]]不是[[抑郁|d]]+[[抑郁症|d]]",
            [("a", ["心理健康"], []), ("b", ["心理健康教育"], []), ("d", ["抑郁", "抑郁症"], [])])
    }

    @Test func matchesDoNotOverlap() throws {
        // 健康教育 would start inside 心理健康, which was consumed first.
        try check("[[心理健康|a]]教育", [("a", ["心理健康"], []), ("b", ["健康教育"], [])])
    }

    @Test func exactTermBeatsWildcardOfSameLength() throws {
        try check("[[depression|exact]] [[depressed|wild]]", [("wild", ["depress*"], []), ("exact", ["depression"], [])])
    }

    @Test func aTermUnderSeveralCodesCreditsEachOnce() throws {
        try check(
            "[[亲子关系|pc,family]]和[[家庭|family]]", [("pc", ["亲子关系"], []), ("family", ["家庭", "亲子关系"], [])])
    }

    @Test func exclusionsSuppressTheirCodeOnly() throws {
        try check(
            "打预防针；[[预防|p]]为主。The Great Depression; great  depression; [[depression|d]] is common.",
            [("p", ["预防"], ["预防针"]), ("d", ["depress*"], ["great depression"])])
        // The shared term still credits the code that has no exclusion.
        try check(
            "the Great [[Depression|history]]", [("d", ["depression"], ["great depression"]), ("history", ["depression"], [])])
    }

    @Test func caseFoldingAndCompatibilityForms() throws {
        try check("[[ＰＴＳＤ|t]], [[Ptsd|t]], [[PTSD|t]]", [("t", ["ptsd"], [])])
        try check("[[Straße|s]] und [[STRASSE|s]] und [[strasse|s]]", [("s", ["straße"], [])])
        try check("a [[ﬁght|f]] and a [[FIGHT|f]]", [("f", ["fight"], [])])
        try check("[[cafe\u{301}|c]] [[café|c]]", [("c", ["café"], [])])
    }

    @Test func traditionalTextMatchesSimplifiedTerms() throws {
        try check(
            "學生[[抑鬱|d]]、[[焦慮|a]]，我們做[[個案管理|c]]",
            [("d", ["抑郁"], []), ("a", ["焦虑"], []), ("c", ["个案管理"], [])])
        // A context rule of Hant-Hans: 麼 after 甚 makes 甚 become 什.
        try check("這是[[甚麼|w]]問題？", [("w", ["什么"], [])])
        // Runs without Traditional-only characters are Simplified already: no word-level rewrite (份子 → 分子).
        try check("积极[[份子|share]]，不是分子", [("share", ["份子"], [])])
    }

    @Test func noSimplifyLeavesTraditionalTextAlone() throws {
        try check("學生抑鬱，也有[[抑郁|d]]", [("d", ["抑郁"], [])], simplify: false)
    }

    @Test func curlyApostrophesMatchStraightOnes() throws {
        try check("the [[children’s|c]] [[children's|c]] centre", [("c", ["children's"], [])])
    }

    @Test func offsetsCountScalarsOfTheOriginalText() throws {
        // Emoji are two UTF-16 units but one scalar; full-width letters shrink in normalization.
        try check("😀😀[[抑郁|d]]𠀀[[ＰＴＳＤ|t]]😀[[Depressed|d]]", [("d", ["抑郁", "depress*"], []), ("t", ["ptsd"], [])])
    }

    @Test func matchesReportContextAndSurface() throws {
        let matcher = try TestSupport.matcher(codes: [("d", ["抑郁"], [])])
        let text = "第一行\n他说自己很抑郁，\n没有办法"
        let analysis = try TestSupport.analyze(text, with: matcher)
        let match = try #require(analysis.matches.first)
        #expect(match.surface == "抑郁")
        #expect(match.left == "第一行 他说自己很")
        #expect(match.right == "， 没有办法")
    }
}
