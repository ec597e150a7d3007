import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the fixes that are certain, and nothing else.",
        discussion: """
            Fixes renamed Authelia keys, a client id, setting or URL that contradicts the \
            guide's own assumption, a redirect URI that differs from the one the application \
            sends only by a trailing slash, and a misspelt or wrong Authelia endpoint path. \
            Every other byte of the file stays as it is. A fixed file is checked again before it \
            is written (atomically); if it would not parse, or a fixed finding remains, nothing \
            is written.

            Examples:
              guidekit fix docs/ --dry-run     # print a unified diff (secrets starred)
              guidekit fix docs/guides/proxmox.md

            Exit status: 0 nothing left to report, 1 errors remain that need a human (or, with
            --dry-run, a fix is pending), 2 usage or input failure (or a fix that could not be
            proven safe).
            """
    )

    @Argument(help: "Guides or folders of guides (default: 'paths' of .guidekit.yml).")
    var paths: [String] = []

    @Flag(help: "Print a unified diff instead of rewriting files.")
    var dryRun = false

    @Flag(help: "Also rewrite read-only files.")
    var force = false

    @OptionGroup var sessionOptions: SessionOptions
    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let session = try sessionOptions.session(paths: paths)
        let fixer = Fixer(checker: session.checker)
        let loaded = session.input.load(session.paths)
        var failures = loaded.errors.map(\.description)
        // One check of every guide, as `check` runs it (each digest once, the cache honoured);
        // fixes are proven by re-checking only the guides they change, with those verdicts.
        var cache = cacheOptions.open()
        let run = fixer.checker.run(loaded.guides, cache: cache)
        if cache != nil {
            cache!.record(run.computed)
            cache!.save()
        }
        var remaining = 0
        var fixedCount = 0
        var leftForHuman: [String] = []
        for (index, guide) in loaded.guides.enumerated() {
            let path = guide.path
            do {
                let outcome = try fixer.fix(guide, findings: run.findings[index], known: run.verifications)
                let left = outcome.remaining.filter { $0.severity == .error }
                remaining += left.count
                // What is left for a human, and why: no fix GuideKit is sure of.
                for finding in left {
                    leftForHuman.append("guidekit: needs a human: \(finding.place): \(finding.message) [\(finding.ruleID)] (no certain fix)\n")
                }
                guard outcome.changed else { continue }
                if dryRun {
                    // Secrets are starred here as in every other output (the diff is for reading;
                    // `guidekit fix` itself writes the real values).
                    let diff = UnifiedDiff.render(path: path, original: outcome.original, fixed: outcome.fixed)
                    Console.print(SecretMask(run.secrets[index]).starred(diff), terminator: "")
                } else {
                    // Reported only once written: a file that cannot be replaced fixed nothing.
                    try FileRewriter.rewrite(path, expected: outcome.original, with: outcome.fixed, force: force)
                    for finding in outcome.applied {
                        Console.err("guidekit: fixed \(finding.place): \(finding.fix?.description ?? "") [\(finding.ruleID)]\n")
                    }
                }
                fixedCount += outcome.applied.count
            } catch let error as InputError {
                failures.append(error.description)
            } catch let error as Fixer.Failure {
                failures.append(error.description)
            } catch {
                failures.append("\(path): \(error)")
            }
        }
        Console.err(leftForHuman.joined())
        Console.err("guidekit: \(dryRun ? "would fix" : "fixed") \(fixedCount) finding(s); \(remaining) error(s) need a human\n")
        for failure in failures {
            Console.err("guidekit: error: \(failure)\n")
        }
        if !failures.isEmpty { throw ExitStatus.inputFailure }
        // A dry run fails when anything would change, so CI can ask "is a fix pending?".
        if remaining > 0 || (dryRun && fixedCount > 0) { throw ExitStatus.findings }
    }
}
