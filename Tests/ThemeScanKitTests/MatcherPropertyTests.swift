import Testing

@testable import ThemeScanKit

/// The automaton against a brute-force reading of the rules, on many generated texts.
@Suite struct MatcherPropertyTests {
    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let terms = ["抑郁", "抑郁症", "心理健康", "心理健康教育", "健康", "bully", "bullying", "sel", "a b", "ptsd"]
    static let pieces = [
        "抑", "郁", "症", "心理", "健康", "教育", "bully", "ing", "cyber", "SEL", "ＰＴＳＤ", " ", "-", "，", "a", "b",
        "😀", "ß", "e\u{301}", "鬱", "。", "\n",
    ]

    /// Leftmost-longest by trying every term at every position, with the boundary rule for Latin words.
    static func reference(_ text: [UInt16], patterns: [[UInt16]]) -> [Range<Int>] {
        let classifier = TestSupport.classifier
        func isWord(_ unit: UInt16) -> Bool { classifier.classify(UInt32(unit)) == .word }
        func gapAt(_ index: Int) -> Int {
            var end = index
            while end < text.count, classifier.classify(UInt32(text[end])) == .separator { end += 1 }
            return end
        }
        func match(_ pattern: [UInt16], at start: Int) -> Int? {
            var position = start
            for unit in pattern {
                if unit == 0x20 {
                    let end = gapAt(position)
                    guard end > position else { return nil }
                    position = end
                } else {
                    guard position < text.count, text[position] == unit else { return nil }
                    position += 1
                }
            }
            if isWord(pattern.first!), start > 0, isWord(text[start - 1]) { return nil }
            if isWord(pattern.last!), position < text.count, isWord(text[position]) { return nil }
            return position
        }
        var ranges: [Range<Int>] = []
        var position = 0
        while position < text.count {
            let best = patterns.compactMap { match($0, at: position) }.max()
            if let best {
                ranges.append(position..<best)
                position = best
            } else {
                position += 1
            }
        }
        return ranges
    }

    @Test func automatonAgreesWithBruteForce() throws {
        let matcher = try TestSupport.matcher(codes: Self.terms.enumerated().map { ("c\($0.offset)", [$0.element], []) })
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let patterns = try Self.terms.map { try normalizer.normalize($0).units }
        var generator = Generator(state: 2024)
        var total = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(1 + generator.next(30)) { text += Self.pieces[generator.next(Self.pieces.count)] }
            let normalized = try normalizer.normalize(text)
            let found = matcher.spans(in: normalized).map(\.range)
            total += found.count
            #expect(found == Self.reference(normalized.units, patterns: patterns), "text: \(text.debugDescription)")

            // Whatever the text, reported offsets cut the surface out of the original.
            let analysis = try TestSupport.analyze(text, with: matcher)
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for match in analysis.matches {
                #expect(match.start >= previousEnd && match.start < match.end)
                #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == match.surface)
                previousEnd = match.end
            }
        }
        // The generator must actually produce matches, or the comparison proves nothing.
        #expect(total > 400)
    }

    /// A codebook dense enough that trie nodes take direct child rows, against the same brute force.
    @Test func bushyTrieAgreesWithBruteForce() throws {
        let han = Array("甲乙丙丁戊己庚辛壬癸")
        var terms = han.flatMap { first in han.map { String([first, $0]) } }
        terms += han.map { "甲乙\($0)" } + ["丙丁戊己", "bully", "a b"]
        let matcher = try TestSupport.matcher(codes: terms.enumerated().map { ("c\($0.offset)", [$0.element], []) })
        // Over a hundred edges in one hash table: some must have been moved past a taken slot.
        #expect(matcher.longestProbe > 1)
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let patterns = try terms.map { try normalizer.normalize($0).units }
        let pieces = han.map(String.init) + ["子", "，", " ", "bully", "a", "b", "😀"]
        var generator = Generator(state: 7)
        var total = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(1 + generator.next(40)) { text += pieces[generator.next(pieces.count)] }
            let normalized = try normalizer.normalize(text)
            let found = matcher.spans(in: normalized).map(\.range)
            total += found.count
            #expect(found == Self.reference(normalized.units, patterns: patterns), "text: \(text.debugDescription)")
        }
        #expect(total > 2000)
    }

    /// A codebook whose second nodes end patterns, have gaps after them or go on, against the same brute force:
    /// the second-step filter, which ends most walks after their first unit, must let through every walk that
    /// can find something.
    @Test func secondStepFilterKeepsEveryWalkThatFinds() throws {
        let terms = ["甲乙", "甲乙丙", "丙丁 戊", "丁", "戊己庚辛", "己庚", "ab c", "abcd", "庚辛 壬癸"]
        let matcher = try TestSupport.matcher(codes: terms.enumerated().map { ("c\($0.offset)", [$0.element], []) })
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let patterns = try terms.map { try normalizer.normalize($0).units }
        let pieces = Array("甲乙丙丁戊己庚辛壬癸").map(String.init) + [" ", "ab", "c", "d", "，", "😀"]
        var generator = Generator(state: 11)
        var total = 0
        var asked = 0
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<(1 + generator.next(30)) { text += pieces[generator.next(pieces.count)] }
            let normalized = try normalizer.normalize(text)
            let found = matcher.spans(in: normalized).map(\.range)
            total += found.count
            #expect(found == Self.reference(normalized.units, patterns: patterns), "text: \(text.debugDescription)")
            let refusals = normalized.units.withUnsafeBufferPointer { matcher.termAutomaton.secondStepRefusals(in: $0) }
            #expect(refusals.wronglyRefused == 0, "text: \(text.debugDescription)")
            asked += refusals.asked
        }
        #expect(total > 400)
        #expect(asked > 1_000)
    }

    /// The second-step filter of thousands of common-character terms refuses most walks over text of those
    /// characters, which is what it is for, and none that goes on.
    @Test func secondStepFilterEndsMostWalksOfALargeCodebook() throws {
        let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
        var generator = Generator(state: 51)
        var seen: Set<String> = []
        var terms: [String] = []
        // Terms of three or four characters: every pair of characters starts some, few triples do.
        while terms.count < 5_000 {
            let term = String((0..<(3 + generator.next(2))).map { _ in han[generator.next(han.count)] })
            if seen.insert(term).inserted { terms.append(term) }
        }
        let matcher = try TestSupport.matcher(codes: terms.enumerated().map { ("c\($0.offset)", [$0.element], []) })
        let text = Array(String((0..<20_000).map { _ in han[generator.next(han.count)] }).utf16)
        let refusals = text.withUnsafeBufferPointer { matcher.termAutomaton.secondStepRefusals(in: $0) }
        #expect(refusals.asked > 19_000)
        #expect(refusals.wronglyRefused == 0)
        #expect(
            Double(refusals.refused) > 0.6 * Double(refusals.asked), "refused \(refusals.refused) of \(refusals.asked)")
    }

    /// The root's bits, which let the exclusion scan skip positions, say yes to exactly the units that start a
    /// pattern, at both ends of their 64-bit words, and to every unit when a pattern starts with a wildcard.
    @Test func mayStartSaysYesExactlyToFirstUnits() throws {
        // 一 (U+4E00) and 丿 (U+4E3F) are the first and last bits of one word.
        let terms = ["抑郁", "焦虑", "bullying", "一二", "丿丶", "Zoo"]
        let literal = try TestSupport.matcher(codes: [("c", terms, [])]).termAutomaton
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let firsts = Set(try terms.map { try normalizer.normalize($0).units[0] })
        #expect(firsts.contains(0x4E00) && firsts.contains(0x4E3F) && firsts.contains(0x7A))
        for unit in UInt16.min...UInt16.max {
            #expect(literal.mayStart(with: unit) == firsts.contains(unit), "U+\(String(unit, radix: 16))")
        }
        let wildcard = try TestSupport.matcher(codes: [("c", ["?x"], [])]).termAutomaton
        #expect((UInt16.min...UInt16.max).allSatisfy(wildcard.mayStart(with:)))
    }

    /// A codebook of thousands of common-character terms: its edge filter passes every edge, so the matches are the
    /// brute force's, and refuses most steps that are not edges, which is what it is for.
    @Test func edgeFilterPassesEveryEdgeAndRefusesMostOthers() throws {
        let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
        var generator = Generator(state: 50)
        var seen: Set<String> = []
        var terms: [String] = []
        while terms.count < 5_000 {
            let term = String((0..<(2 + generator.next(3))).map { _ in han[generator.next(han.count)] })
            if seen.insert(term).inserted { terms.append(term) }
        }
        let matcher = try TestSupport.matcher(codes: terms.enumerated().map { ("c\($0.offset)", [$0.element], []) })
        let automaton = matcher.termAutomaton
        #expect(automaton.edgesTheFilterRefuses == 0)
        let units = han.map { UInt16($0.unicodeScalars.first!.value) }
        let pairs = (1..<Int32(automaton.nodeCount)).lazy.flatMap { node in units.lazy.map { (node: node, unit: $0) } }
        let (absent, refused) = automaton.filterRefusals(amongAbsent: pairs)
        #expect(absent > 100_000)
        #expect(Double(refused) > 0.85 * Double(absent), "refused \(refused) of \(absent)")

        let normalizer = try TextNormalizer(simplifyChinese: true)
        let patterns = try terms.map { try normalizer.normalize($0).units }
        let text = String((0..<3_000).map { _ in han[generator.next(han.count)] })
        let normalized = try normalizer.normalize(text)
        let found = matcher.spans(in: normalized).map(\.range)
        #expect(found.count > 500)
        #expect(found == Self.reference(normalized.units, patterns: patterns))
    }
}
