import Testing

@testable import ThemeScanKit

/// Row prefixes are rendered once per speaker and role, whether they sit in the short list or past it.
@Suite struct RowPrefixCacheTests {
    @Test func eachSpeakerAndRoleIsRenderedOnceAndKept() {
        var cache = RowPrefixCache()
        var rendered: [String] = []
        // Twenty speakers, more than the list holds, each with two roles and no speaker at all, asked in turns.
        let speakers: [String?] = [nil] + (0..<20).map { "受访者\($0)" }
        for round in 0..<3 {
            for speaker in speakers {
                for role in [SpeakerRole.respondent, .interviewer] {
                    let name = (speaker ?? "-") + "/" + role.rawValue
                    let prefix = cache.prefix(speaker: speaker, role: role) {
                        rendered.append(name)
                        return Array(name.utf8)
                    }
                    #expect(prefix == Array(name.utf8), "round \(round)")
                }
            }
        }
        #expect(rendered.count == speakers.count * 2)
        #expect(Set(rendered).count == rendered.count)
    }
}
