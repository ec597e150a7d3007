import ArgumentParser
import Foundation
import GuideKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check guides and report findings with file, line and column.",
        discussion: """
            PATH may be a Markdown file or a folder, searched recursively for *.md files.

            Examples:
              guidekit check docs/
              guidekit check docs/guides/proxmox.md --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Guides or folders of guides to check.")
    var paths: [String]

    @Option(help: "Output format: text (compiler style, default) or json (see docs/OUTPUT.md).")
    var format: Format = .text

    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = GuideFileReader.defaultMaximumBytes

    @Option(name: .customLong("authelia-version"),
            help: "Authelia release to check against (4.29 to 4.39); default: the guide's authelia_version front matter, else 4.39.")
    var autheliaVersion: AutheliaVersionArgument?

    @Option(help: "Also load application profiles from this folder (see docs/PROFILES.md).")
    var profiles: String?

    @Flag(help: "Print timing figures (parsing, digest verification, rules) on stderr.")
    var timing = false

    @Flag(help: "Colour the text output (default: only when stdout is a terminal and NO_COLOR is unset).")
    var color = false

    func run() throws {
        let (files, pathErrors) = GuideFinder.markdownFiles(in: paths)
        var inputErrors = pathErrors
        let reader = GuideFileReader(maximumBytes: maxFileSize)
        let checker = Checker(version: autheliaVersion?.version, profiles: try ProfileOptions.load(extra: profiles))
        var guides: [Guide] = []
        let parseStart = Date()
        for path in files {
            do {
                guides.append(GuideParser.parse(path: path, text: try reader.read(path)))
            } catch {
                inputErrors.append(error)
            }
        }
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let (perGuide, statistics) = checker.check(guides)
        let findings = perGuide.flatMap { $0 }
        let sources = Dictionary(guides.map { ($0.path, $0.source) }, uniquingKeysWith: { a, _ in a })
        let checkedFiles = guides.count
        if timing {
            let figures = String(format: "guidekit: timing: %d files, parse %.3f s, %d clients, %d digests checked by %d distinct verifications in %.3f s, rules %.3f s\n",
                                 checkedFiles, parseSeconds, statistics.clients, statistics.checkedDigests, statistics.verifications,
                                 statistics.verificationSeconds, statistics.ruleSeconds)
            FileHandle.standardError.write(Data(figures.utf8))
        }

        switch format {
        case .text:
            let reporter = TextReporter(useColor: color || Terminal.wantsColor)
            var output = ""
            for finding in findings {
                output += reporter.render(finding, source: sources[finding.path]) + "\n"
            }
            output += reporter.summary(findings: findings, files: checkedFiles) + "\n"
            FileHandle.standardOutput.write(Data(output.utf8))
        case .json:
            FileHandle.standardOutput.write(Data((JSONReporter.render(findings) + "\n").utf8))
        }
        for error in inputErrors {
            FileHandle.standardError.write(Data("guidekit: error: \(error)\n".utf8))
        }
        if !inputErrors.isEmpty { throw ExitStatus.inputFailure }
        if findings.contains(where: { $0.severity == .error }) { throw ExitStatus.findings }
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
