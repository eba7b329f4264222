/// A theme: a named group of codes.
public struct Theme: Sendable, Hashable {
    public var id: String
    public var label: Label
    public var codes: [Code]
    public var location: SourceLocation

    public init(id: String, label: Label = Label(), codes: [Code], at location: SourceLocation) {
        self.id = id
        self.label = label
        self.codes = codes
        self.location = location
    }
}
