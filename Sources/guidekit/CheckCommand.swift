import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check guides and report findings with file, line and column.",
        discussion: """
            PATH may be a Markdown file or a folder, searched recursively for *.md files.

            Examples:
              guidekit check docs/
              guidekit check docs/ --format github --report sarif=guidekit.sarif
              guidekit check docs/ --changed-since origin/main --baseline .guidekit-baseline.json
              guidekit check docs/ --shard 2/4

            Exit status: 0 no error-level finding (suppressed and baseline findings do not
            count), 1 an error-level finding, 2 usage or input failure.
            """
    )

    @Argument(help: "Guides or folders of guides to check (default: 'paths' of .guidekit.yml).")
    var paths: [String] = []

    @OptionGroup var sessionOptions: SessionOptions

    @Option(help: "Output format on stdout: text, json, github, sarif, junit, rdjsonl (reviewdog), codequality (GitLab), or files (what was read from each guide; docs/OUTPUT.md).")
    var format: ReportFormat = .text

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write a report: FORMAT to stdout, or FORMAT=FILE (repeatable).",
        valueName: "format[=file]"))
    var reports: [ReportRequest] = []

    @Option(name: .customLong("changed-since"), help: "Check only guides changed since this git revision (and guides whose profile or site changed).")
    var changedSince: String?

    @Option(help: "Check one deterministic share of the guides, as I/N (for a CI matrix).")
    var shard: ShardArgument?

    @Option(help: "Findings recorded in this baseline file are reported as known and do not fail the run.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this baseline file (exit 0).")
    var writeBaseline: String?

    @Flag(name: .customLong("update-baseline"),
          help: "Remove the --baseline file's stale entries (findings fixed since) from it; never adds new findings.")
    var updateBaseline = false

    @OptionGroup var cacheOptions: CacheOptions

    @Flag(name: .customLong("no-baselined"),
          help: "Leave findings recorded in the baseline out of every report (SARIF marks them as suppressed otherwise).")
    var noBaselined = false

    @Flag(name: .customLong("no-suppressed"),
          help: "Leave findings silenced by guidekit-disable comments out of every report (SARIF marks them as suppressed otherwise).")
    var noSuppressed = false

    @Flag(help: "Report errors only (no warnings, no progress line); warnings still fail a --strict run.")
    var quiet = false

    @Flag(help: "Say on stderr what was read from each guide (page class, assumptions, clients, settings), the profile and releases used and why, and which guides a --changed-since run selected.")
    var verbose = false

    @Flag(help: "Warnings fail the run too (exit status 1).")
    var strict = false

    @Flag(help: "Print timing figures (parsing, digest verification, rules) on stderr.")
    var timing = false

    @Flag(help: "Colour the text output (default: only when stdout is a terminal and NO_COLOR is unset).")
    var color = false

    func validate() throws {
        if updateBaseline && baseline == nil && (try? sessionOptions.configOptions.load())??.baseline == nil {
            throw ValidationError("--update-baseline needs --baseline FILE (the file to prune), or 'baseline' in .guidekit.yml")
        }
    }

    func run() throws {
        let session = try sessionOptions.session(paths: paths, baseline: baseline, strict: strict)
        guard !session.paths.isEmpty else {
            throw ValidationError("give the guides or folders to check, or list them under 'paths' in .guidekit.yml")
        }
        var (files, inputErrors) = session.files()
        if let changedSince { files = try selectChanged(files, since: changedSince, session: session) }
        if let shard { files = shard.shard.select(files) }
        let knownFindings: Baseline?
        do { knownFindings = try session.readBaseline() } catch { throw InputFailure("\(error)") }
        if session.baselineIsMissing, let path = session.baselinePath, writeBaseline == nil {
            Console.err("guidekit: note: the baseline \(path) does not exist yet, so every finding counts; create it with --write-baseline \(path)\n")
        }
        let batch = BatchCheck(checker: session.checker, input: session.input, cache: cacheOptions.open(), baseline: knownFindings)
        let progress = ProgressBar(label: "check", quiet: quiet)
        let outcome = batch.run(files: files) { progress.update(done: $0, total: $1) }
        progress.finish()
        outcome.cache?.save()
        if verbose { Console.err(outcome.readReport) }
        if timing { Console.err(outcome.timingReport) }
        inputErrors += outcome.errors
        let full = outcome.report
        var shown = full
        if quiet { shown.findings = full.findings.filter { $0.severity == .error } }
        if noBaselined { shown.findings.removeAll { $0.isKnown } }
        if noSuppressed { shown.findings.removeAll { $0.suppression != nil } }
        let stdout = try ReportSet.write(shown, format: format, color: format == .text && (color || Terminal.wantsColor),
                                         extra: reports.map { ($0.format, $0.file) })
        Console.out(stdout)
        for error in inputErrors {
            Console.err("guidekit: error: \(error)\n")
        }
        if let knownFindings, let path = session.baselinePath,
           let note = try BaselineUpkeep.review(knownFindings, path: path, findings: full.findings, checked: Set(full.files), update: updateBaseline) {
            Console.err(note)
        }
        if let writeBaseline {
            Console.err(try BaselineUpkeep.record(full.findings, active: full.active.count, to: writeBaseline))
        }
        if !inputErrors.isEmpty { throw ExitStatus.inputFailure }
        if writeBaseline == nil, session.fails(full) { throw ExitStatus.findings }
    }

    /// `--changed-since`: the guides git reports changed, and guides whose profile changed.
    private func selectChanged(_ files: [String], since revision: String, session: CheckSession) throws -> [String] {
        let changed: Set<String>
        do {
            changed = try GitChanges.files(since: revision, in: FileManager.default.currentDirectoryPath)
        } catch {
            throw InputFailure("--changed-since: \(error)")
        }
        let selected = ChangedGuides.select(files, changed: changed, profiles: session.profiles) { path in
            (try? session.input.reader.read(path))
                .flatMap { ProfileMatcher.profile(for: GuideParser.parse(path: path, text: $0), in: session.profiles)?.id }
        }
        if verbose {
            let list = selected.map { "  \($0)\n" }.joined()
            Console.err("guidekit: --changed-since \(revision) selected \(selected.count) of \(files.count) guide(s)\(selected.isEmpty ? "" : ":")\n\(list)")
        }
        return selected
    }

}

extension ReportFormat: ExpressibleByArgument {}

/// `--report sarif=out.sarif` or `--report github`.
struct ReportRequest: ExpressibleByArgument {
    var format: ReportFormat
    var file: String?

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard let format = ReportFormat(rawValue: parts[0]) else { return nil }
        self.format = format
        file = parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil
    }
}

struct ShardArgument: ExpressibleByArgument {
    var shard: Shard
    init?(argument: String) {
        guard let shard = Shard(argument) else { return nil }
        self.shard = shard
    }
}

/// `--authelia-version 4.38` (also `v4.38.5`), limited to the releases the schema knows.
struct AutheliaVersionArgument: ExpressibleByArgument {
    var version: AutheliaVersion

    init?(argument: String) {
        guard let version = AutheliaVersion(argument), AutheliaVersion.known.contains(version) else { return nil }
        self.version = version
    }

    static var defaultCompletionKind: CompletionKind { .list(AutheliaVersion.known.map(\.description)) }
}

enum Terminal {
    /// Colour only on a terminal, never in pipes or CI logs, and never with NO_COLOR set.
    static var wantsColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }
}
