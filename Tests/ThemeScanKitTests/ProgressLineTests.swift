import Testing

@testable import ThemeScanKit

@Suite struct ProgressLineTests {
    @Test func atTheStart() {
        let line = ProgressLine(totalFiles: 62, totalBytes: 18_000_000)
        #expect(line.terminalLine == "[--------------------]   0/62 files   0.0/18.0 MB          --  ETA   --:--")
        #expect(line.logLine == "progress: 0/62 files, 0.0/18.0 MB (0%)")
    }

    @Test func midway() {
        let line = ProgressLine(totalFiles: 62, totalBytes: 18_000_000, filesDone: 12, bytesDone: 4_500_000, elapsedSeconds: 4)
        #expect(line.terminalLine == "[#####---------------]  12/62 files   4.5/18.0 MB    1.1 MB/s  ETA    0:12")
        #expect(line.logLine == "progress: 12/62 files, 4.5/18.0 MB (25%), 1.1 MB/s, about 12 s left")
    }

    @Test func complete() {
        let line = ProgressLine(totalFiles: 62, totalBytes: 18_000_000, filesDone: 62, bytesDone: 18_000_000, elapsedSeconds: 15)
        #expect(line.terminalLine == "[####################]  62/62 files  18.0/18.0 MB    1.2 MB/s  ETA    done")
        #expect(line.logLine == "progress: 62/62 files, 18.0/18.0 MB (100%), 1.2 MB/s, done")
    }

    @Test func nothingToDoIsComplete() {
        let line = ProgressLine(totalFiles: 0, totalBytes: 0, elapsedSeconds: 3)
        #expect(line.fraction == 1)
        #expect(line.bytesPerSecond == nil)
        #expect(line.terminalLine == "[####################]  0/0 files  0/0 B          --  ETA    done")
        #expect(line.logLine == "progress: 0/0 files, 0/0 B (100%), done")
    }

    @Test func noEstimateBeforeThereIsABasis() {
        // Too early: a rate from half a second would be a guess.
        let early = ProgressLine(totalFiles: 4, totalBytes: 4000, filesDone: 1, bytesDone: 1000, elapsedSeconds: 0.5)
        #expect(early.bytesPerSecond == nil)
        #expect(early.secondsRemaining == nil)
        #expect(early.terminalLine == "[#####---------------]  1/4 files  1.0/4.0 kB          --  ETA   --:--")
        #expect(early.logLine == "progress: 1/4 files, 1.0/4.0 kB (25%)")
        // Time enough but nothing read yet.
        let idle = ProgressLine(totalFiles: 4, totalBytes: 4000, elapsedSeconds: 30)
        #expect(idle.bytesPerSecond == nil)
        #expect(idle.secondsRemaining == nil)
        #expect(idle.logLine == "progress: 0/4 files, 0.0/4.0 kB (0%)")
        // A clock that went wrong gives no estimate rather than "inf" or "nan".
        for elapsed in [Double.infinity, .nan, -5, 0] {
            let odd = ProgressLine(totalFiles: 4, totalBytes: 4000, filesDone: 2, bytesDone: 2000, elapsedSeconds: elapsed)
            #expect(odd.bytesPerSecond == nil)
            #expect(odd.secondsRemaining == nil)
            #expect(!odd.terminalLine.contains("inf") && !odd.terminalLine.contains("nan"))
            #expect(!odd.logLine.contains("inf") && !odd.logLine.contains("nan"))
        }
    }

    @Test func filesSetThePaceWhenSizesAreUnknown() {
        let line = ProgressLine(totalFiles: 10, totalBytes: 0, filesDone: 5, elapsedSeconds: 20)
        #expect(line.fraction == 0.5)
        #expect(line.bytesPerSecond == nil)
        #expect(line.secondsRemaining == 20)
        #expect(line.logLine == "progress: 5/10 files, 0/0 B (50%), about 20 s left")
    }

    @Test func largeValues() {
        let line = ProgressLine(
            totalFiles: 1200, totalBytes: 8_000_000_000, filesDone: 300, bytesDone: 2_000_000_000, elapsedSeconds: 2000)
        #expect(line.terminalLine == "[#####---------------]   300/1200 files  2.0/8.0 GB    1.0 MB/s  ETA 1:40:00")
        #expect(line.logLine == "progress: 300/1200 files, 2.0/8.0 GB (25%), 1.0 MB/s, about 1 h 40 min left")
    }

    @Test func moreThanExpectedStaysAFullBar() {
        // A file that grew while the run went on must not overflow the bar.
        let line = ProgressLine(totalFiles: 2, totalBytes: 1000, filesDone: 2, bytesDone: 1500, elapsedSeconds: 2)
        #expect(line.fraction == 1)
        #expect(line.terminalLine.hasPrefix("[####################]  2/2 files"))
        #expect(line.logLine.contains("(100%)"))
    }

    @Test func barAndLineKeepTheirWidth() {
        for (files, bytes) in [(62, 18_000_000), (3, 999), (1200, 8_000_000_000), (0, 0), (7, 0)] {
            var widths = Set<Int>()
            for step in 0...40 {
                let line = ProgressLine(
                    totalFiles: files, totalBytes: bytes, filesDone: files * step / 40, bytesDone: bytes / 40 * step,
                    elapsedSeconds: Double(step) * 0.7)
                let text = line.terminalLine
                let bar = text.prefix { $0 != " " }
                #expect(bar.count == ProgressLine.barWidth + 2, "\(text)")
                #expect(bar.dropFirst().dropLast().allSatisfy { $0 == "#" || $0 == "-" })
                widths.insert(text.count)
            }
            #expect(widths.count == 1, "totals \(files) files, \(bytes) bytes: widths \(widths.sorted())")
        }
    }

    @Test func byteCounts() {
        #expect(ProgressLine.byteCount(0) == "0 B")
        #expect(ProgressLine.byteCount(999) == "999 B")
        #expect(ProgressLine.byteCount(1000) == "1.0 kB")
        #expect(ProgressLine.byteCount(999_949) == "999.9 kB")
        // Rounding up to 1000 moves to the next unit.
        #expect(ProgressLine.byteCount(999_960) == "1.0 MB")
        #expect(ProgressLine.byteCount(1_234_567) == "1.2 MB")
        #expect(ProgressLine.byteCount(12_345_678_901) == "12.3 GB")
        #expect(ProgressLine.byteCount(2.5e12) == "2500.0 GB")
    }

    @Test func durations() {
        #expect(ProgressLine.clockDuration(0) == "0:00")
        #expect(ProgressLine.clockDuration(0.2) == "0:01")
        #expect(ProgressLine.clockDuration(59) == "0:59")
        #expect(ProgressLine.clockDuration(60) == "1:00")
        #expect(ProgressLine.clockDuration(3599) == "59:59")
        #expect(ProgressLine.clockDuration(3600) == "1:00:00")
        #expect(ProgressLine.clockDuration(36_061) == "10:01:01")
        #expect(ProgressLine.spokenDuration(12) == "12 s")
        #expect(ProgressLine.spokenDuration(185) == "3 min 5 s")
        #expect(ProgressLine.spokenDuration(7800) == "2 h 10 min")
    }
}
