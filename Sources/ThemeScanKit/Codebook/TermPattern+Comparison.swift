extension TermPattern {
    /// Whether `other` matches every stretch of text this pattern matches, boundaries included.
    ///
    /// Decided on the patterns' elements: true only when an alignment proves it, so a `true` is always right; a
    /// few exotic cases (letters beyond the Basic Multilingual Plane next to `?`) answer false.
    func isCovered(by other: TermPattern, classifier: CharacterClassifier) -> Bool {
        if other.requiresStartBoundary && !requiresStartBoundary { return false }
        if other.requiresEndBoundary && !requiresEndBoundary { return false }
        let mine = elements
        let theirs = other.elements
        func isLetter(_ element: Element) -> Bool {
            switch element {
            case .unit(let unit): return Self.isLetter(unit, classifier)
            case .anyLetter, .letters: return true
            case .gap: return false
            }
        }
        func covered(_ i: Int, _ j: Int) -> Bool {
            if i == mine.count { return theirs[j...].allSatisfy { $0 == .letters } }
            guard j < theirs.count else { return false }
            switch theirs[j] {
            case .letters:
                // Their `*` stops before a non-letter, which is what follows it in every valid pattern.
                return covered(i, j + 1) || (isLetter(mine[i]) && covered(i + 1, j))
            case .anyLetter:
                switch mine[i] {
                case .unit(let unit): return Self.isLetter(unit, classifier) && covered(i + 1, j + 1)
                case .anyLetter: return covered(i + 1, j + 1)
                case .letters, .gap: return false
                }
            case .gap:
                return mine[i] == .gap && covered(i + 1, j + 1)
            case .unit(let unit):
                return mine[i] == .unit(unit) && covered(i + 1, j + 1)
            }
        }
        return covered(0, 0)
    }

    /// Whether some occurrence of `phrase` can contain a match of this pattern, boundaries included.
    ///
    /// Errs towards yes: a `false` is always right.
    func canOccur(inside phrase: TermPattern, classifier: CharacterClassifier) -> Bool {
        let mine = elements
        let theirs = phrase.elements
        func isWord(_ element: Element) -> Bool {
            switch element {
            case .unit(let unit): return !UTF16.isSurrogate(unit) && classifier.classify(UInt32(unit)) == .word
            case .anyLetter: return true
            case .letters, .gap: return false
            }
        }
        func letter(_ unit: UInt16) -> Bool { Self.isLetter(unit, classifier) }
        func fits(_ i: Int, _ j: Int) -> Bool {
            if i == mine.count { return !(requiresEndBoundary && j < theirs.count && isWord(theirs[j])) }
            if mine[i] == .letters, fits(i + 1, j) { return true }
            guard j < theirs.count else { return false }
            if theirs[j] == .letters, fits(i, j + 1) { return true }
            switch (mine[i], theirs[j]) {
            case (.unit(let a), .unit(let b)): return a == b && fits(i + 1, j + 1)
            case (.unit(let a), .anyLetter): return letter(a) && fits(i + 1, j + 1)
            case (.unit(let a), .letters): return letter(a) && (fits(i + 1, j) || fits(i + 1, j + 1))
            case (.anyLetter, .unit(let b)): return letter(b) && fits(i + 1, j + 1)
            case (.anyLetter, .anyLetter): return fits(i + 1, j + 1)
            case (.anyLetter, .letters): return fits(i + 1, j) || fits(i + 1, j + 1)
            case (.letters, .unit(let b)): return letter(b) && (fits(i, j + 1) || fits(i + 1, j + 1))
            case (.letters, .anyLetter): return fits(i, j + 1) || fits(i + 1, j + 1)
            case (.letters, .letters): return fits(i, j + 1) || fits(i + 1, j + 1)
            case (.gap, .gap): return fits(i + 1, j + 1)
            default: return false
            }
        }
        for start in 0..<theirs.count {
            if requiresStartBoundary, start > 0, isWord(theirs[start - 1]) { continue }
            if fits(0, start) { return true }
        }
        return false
    }

    private static func isLetter(_ unit: UInt16, _ classifier: CharacterClassifier) -> Bool {
        !UTF16.isSurrogate(unit) && classifier.isLetter(UInt32(unit))
    }
}
