/// The credits of one match, in codebook order: nearly always one code through one term, held inline.
///
/// Every match of a pattern carries its pattern's credits. As an array, each match copied a reference to it, and
/// counting those references (an atomic update of a heap object per match, once when kept and once when let go)
/// was over a tenth of the match stage's time for a large codebook that matches often. A single credit, which is
/// what a term listed under one code gives, is stored in the list itself; only a term shared by several codes holds
/// an array.
public struct CreditList: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable, Hashable {
        case one(Credit)
        case several([Credit])
    }

    private var storage: Storage

    public init(_ credits: some Sequence<Credit>) {
        let array = Array(credits)
        storage = array.count == 1 ? .one(array[0]) : .several(array)
    }

    public init(arrayLiteral credits: Credit...) {
        self.init(credits)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .one: 1
        case .several(let credits): credits.count
        }
    }

    public subscript(position: Int) -> Credit {
        switch storage {
        case .one(let credit):
            precondition(position == 0, "credit index out of range")
            return credit
        case .several(let credits):
            return credits[position]
        }
    }
}
