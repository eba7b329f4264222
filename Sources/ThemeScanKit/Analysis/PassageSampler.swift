/// The run's first matches of each code, in document order, for the report's passages; shared with the workers so
/// that they stop sampling a code once the run has enough of it.
///
/// The task that hands documents on in order adds each document's samples; a worker asks which codes are full when
/// it starts a document. Documents are handed on in order and none is handed on before it is analyzed, so every
/// sample that made a code full came from a document before the one a worker starts: what the worker leaves out is
/// what the report would have dropped anyway, and the passages do not depend on timing or threads. Without it, a
/// survey export with a document per row built a report sample for each of its first matches of every code, in
/// every row.
final class PassageSampler: Sendable {
    let perCode: Int
    private let state: LockedValue<State>

    private struct State {
        var samples: [Int: [Match]] = [:]
        /// Whether each code has `perCode` samples, by code index.
        var full: [Bool]
    }

    init(perCode: Int, codeCount: Int) {
        self.perCode = perCode
        state = LockedValue(State(full: Array(repeating: perCode <= 0, count: codeCount)))
    }

    /// Which codes need no more samples, by code index; what is full stays full.
    func fullCodes() -> [Bool] {
        state.withLock { $0.full }
    }

    /// Takes the samples of the document numbered `document` in the run, which must come after every document
    /// added before it.
    func add(_ samples: [Int: [Match]], document: Int) {
        guard !samples.isEmpty else { return }
        state.withLock { state in
            for (code, matches) in samples {
                let room = perCode - state.samples[code, default: []].count
                guard room > 0 else { continue }
                state.samples[code, default: []] += matches.prefix(room).map { match in
                    var numbered = match
                    numbered.document = document
                    return numbered
                }
                if state.samples[code]!.count >= perCode, state.full.indices.contains(code) { state.full[code] = true }
            }
        }
    }

    /// The samples so far, by code index, with document numbers from the run's document list.
    var samples: [Int: [Match]] {
        state.withLock { $0.samples }
    }
}
