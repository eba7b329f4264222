import Foundation
import Testing

/// Compares a rendered chart with its committed golden file, re-recorded with `THEMESCAN_RECORD_GOLDEN=1` like
/// the CSV exports (see `GoldenFileTests`).
enum GoldenSVG {
    static func check(_ produced: String, against name: String) throws {
        let golden = TestSupport.fixtures.appendingPathComponent("golden").appendingPathComponent(name)
        if GoldenFileTests.recording {
            try Data(produced.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(produced == expected, "\(name) differs from Fixtures/golden/\(name)")
    }
}
