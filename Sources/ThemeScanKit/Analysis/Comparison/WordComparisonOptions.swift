/// Which words `compare_words.csv` tests and keeps.
public struct WordComparisonOptions: Sendable, Hashable {
    /// Words occurring fewer times than this over all groups are not tested.
    public var minimumFrequency: Int
    /// How many of the tested words are kept, highest G² first.
    public var top: Int
    public var adjustment: PValueAdjustment

    public init(minimumFrequency: Int = 5, top: Int = 100, adjustment: PValueAdjustment = .benjaminiHochberg) {
        self.minimumFrequency = minimumFrequency
        self.top = top
        self.adjustment = adjustment
    }
}
