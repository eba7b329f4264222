import Foundation

extension Double {
    /// The natural logarithm.
    var logNatural: Double { Foundation.log(self) }

    /// The logarithm to base 2.
    var logBinary: Double { Foundation.log2(self) }
}
