import Foundation
import SecretDigests
import GuideDocument
import GuideKnowledge

/// `check` over any number of files with flat memory: files are read, parsed and checked in
/// batches, and each batch's guides are dropped once checked. What is kept is what the output
/// formats need — the findings, and for the text format the (masked) source lines they point
/// at. Digest verdicts carry over from batch to batch, so a digest shared by many guides is
/// still verified once per run.
public struct BatchCheck: Sendable {
    public var checker: Checker
    public var input: GuideInput
    public var cache: DigestCache?
    public var baseline: Baseline?
    public var batchSize: Int

    public init(checker: Checker, input: GuideInput = GuideInput(), cache: DigestCache? = nil, baseline: Baseline? = nil,
                batchSize: Int = 256) {
        self.checker = checker
        self.input = input
        self.cache = cache
        self.baseline = baseline
        self.batchSize = max(1, batchSize)
    }

    public struct Outcome: Sendable {
        public var report: CheckReport
        public var errors: [InputError]
        public var statistics: Checker.Statistics
        public var parseSeconds: Double
        /// Per checked file, in order: the application profile that applied, if any.
        public var profiles: [(path: String, profile: String?)] = []
        /// The cache with this run's verdicts added (the caller saves it).
        public var cache: DigestCache?

        /// `--timing`: where the time went, then the digest line whose form scripts read.
        public var timingReport: String {
            String(format: "guidekit: timing: %d files, parse %.3f s, %d clients, %d digests checked by %d distinct verifications in %.3f s, rules %.3f s\n",
                   report.files.count, parseSeconds, statistics.clients, statistics.checkedDigests, statistics.verifications,
                   statistics.verificationSeconds, statistics.ruleSeconds)
                + "digests: computed \(statistics.computedVerifications), cached \(statistics.cachedVerifications)\n"
        }

        /// `--verbose`: per guide, what was read and decided (ReadSummary).
        public var readReport: String {
            report.summaries.map(\.text).joined()
        }
    }

    /// - Parameter progress: called after each batch with (files done, files in all).
    public func run(files: [String], progress: (Int, Int) -> Void = { _, _ in }) -> Outcome {
        let start = Date()
        var cache = cache
        var outcome = Outcome(report: CheckReport(findings: [], files: [], sources: [:], rules: checker.rules.map(\.description)),
                              errors: [], statistics: Checker.Statistics(), parseSeconds: 0, cache: nil)
        var known: [VerificationRequest: DigestVerification] = [:]
        var done = 0
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[batchStart..<min(batchStart + batchSize, files.count)])
            let parseStart = Date()
            let loaded = input.load(files: batch)
            outcome.parseSeconds += Date().timeIntervalSince(parseStart)
            outcome.errors += loaded.errors
            let run = checker.run(loaded.guides, known: known, cache: cache)
            known.merge(run.computed) { old, _ in old }
            cache?.record(run.computed)
            outcome.statistics.add(run.statistics)
            for (index, guide) in loaded.guides.enumerated() {
                var findings = run.findings[index]
                if let baseline { findings = baseline.mark(findings) }
                let mask = SecretMask(run.secrets[index])
                // The lines findings and their fixes point at (reports that convert columns,
                // such as rdjsonl's UTF-8 bytes, read the fix's lines too).
                for finding in findings where finding.isActive {
                    for number in [finding.location.line] + (finding.fix?.edits.map(\.line) ?? []) {
                        let line = String(guide.source.originalLine(number))
                        outcome.report.snippetLines[guide.path, default: [:]][number] = mask.starred(line)
                    }
                }
                outcome.report.findings += findings
                outcome.report.files.append(guide.path)
                outcome.profiles.append((guide.path, run.profiles.indices.contains(index) ? run.profiles[index] : nil))
                if run.summaries.indices.contains(index) { outcome.report.summaries.append(run.summaries[index]) }
            }
            done += batch.count
            progress(done, files.count)
        }
        outcome.report.seconds = Date().timeIntervalSince(start)
        outcome.cache = cache
        return outcome
    }
}
