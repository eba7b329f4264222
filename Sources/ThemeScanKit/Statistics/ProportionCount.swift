/// How many of a group's cases are coded, out of all its cases.
public struct ProportionCount: Sendable, Hashable {
    public var coded: Int
    public var total: Int

    public init(coded: Int, total: Int) {
        self.coded = coded
        self.total = total
    }

    /// The coded share in percent; nil for a group with no cases.
    public var percent: Double? {
        total > 0 ? Double(coded) * 100 / Double(total) : nil
    }
}
