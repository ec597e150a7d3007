import ArgumentParser
import Dispatch
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render guides for your own sites, with fresh secrets, as Markdown and HTML.",
        discussion: """
            For each site file (docs/SITES.md) and guide, writes OUT/SITE/GUIDE/ with guide.md, \
            guide.html, the Authelia client YAML, the application's configuration blocks and \
            commands, and secrets.txt (mode 0600) when a secret was generated. Every rendered \
            guide is checked again; the renders that check clean are written, those that fail \
            are listed with the reason.

            Example:
              guidekit render docs/guides/proxmox.md --site docs/sites/example.yml --out out/

            A later render into the same --out reuses each application's secret (kept in \
            OUT/SITE/.guidekit-state.json, mode 0600), writes only what changed, keeps files it \
            did not write, and leaves applications it does not render as they are. --plan \
            shows what would change, with a diff of every file that holds no secret, and \
            writes nothing; --rotate APP makes a new secret (docs/SITES.md).

            Exit status: 0 every guide rendered (with --plan: nothing would change), 1 at \
            least one guide or render failed (the others are written), 2 usage or input \
            failure (unreadable guide, invalid site file, missing template), 3 with --plan \
            only: changes are pending.
            """
    )

    @Argument(help: "Guides, or folders of guides, to render.")
    var guides: [String]

    @Option(name: .customLong("site"), help: "A site file, or a folder of them (*.yml); repeat for several.")
    var sites: [String]

    @Option(help: "Output folder.")
    var out: String

    @Flag(help: "With several sites and several guides: render every guide for every site.")
    var matrix = false

    @Option(help: "Make secrets and salts reproducible (for tests and examples only; never for real secrets).")
    var seed: UInt64?

    @Option(help: "HTML page template (default: templates/guide.html).")
    var template: String?

    @Flag(help: "No progress line on a terminal.")
    var quiet = false

    @Flag(help: "Show what would be created, changed and removed per site (a diff of files without secrets) and write nothing; exit 3 when changes are pending, 0 when none.")
    var plan = false

    @Option(name: .customLong("rotate"),
            help: ArgumentHelp("Replace the managed secret of this application (guide name) or client id (repeatable).", valueName: "app"))
    var rotate: [String] = []

    @Flag(name: .customLong("rotate-all"), help: "Replace every managed secret of the sites rendered.")
    var rotateAll = false

    @OptionGroup var sessionOptions: SessionOptions
    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        guard !sites.isEmpty else { throw ValidationError("give at least one --site FILE") }
        let session = try sessionOptions.session(paths: guides)
        let renderer = GuideRenderer(checker: session.checker, template: try Self.loadTemplate(template))
        var pipeline = RenderPipeline(renderer: renderer, input: session.input, version: session.autheliaVersion, seed: seed,
                                      cache: cacheOptions.open())
        pipeline.matrix = matrix
        pipeline.rotate = Set(rotate)
        pipeline.rotateAll = rotateAll
        pipeline.planOnly = plan
        let progress = ProgressBar(label: "render", quiet: quiet)
        let outcome = try pipeline.run(guides: session.paths, sites: sites, output: out) { progress.update(done: $0, total: $1) }
        progress.finish()
        for failure in outcome.failures {
            Console.err("guidekit: error: \(failure)\n")
        }
        for item in outcome.rendered {
            for warning in item.warnings {
                Console.err("guidekit: warning: \(item.guide) for site \(item.site): \(warning)\n")
            }
        }
        // A name to rotate that names nothing rendered is a typo, said plainly.
        let rotatable = Set(outcome.plans.flatMap { plan in plan.secrets.keys.flatMap { [$0, plan.newState.clients[$0]?.clientID ?? $0] } })
        for name in rotate.sorted() where !rotatable.contains(name) {
            let hint = Suggestion.closest(to: name, in: rotatable.sorted()).map { " — did you mean '\($0)'?" } ?? ""
            Console.err("guidekit: warning: --rotate \(name): no application or client id of this render is named so\(hint); nothing rotated for it\n")
        }
        if plan {
            Console.out(PlanPrinter.describe(outcome.plans, diffs: true))
        } else {
            let generated = outcome.rendered.filter(\.generatedSecret).count
            let changed = outcome.plans.filter(\.hasChanges)
            if !outcome.rendered.isEmpty {
                let written = changed.isEmpty ? "nothing changed, nothing written" : "into \(outcome.folders.joined(separator: ", "))"
                Console.print("rendered \(outcome.rendered.count) guide(s) for \(outcome.sites.count) site(s) in \(String(format: "%.2f", outcome.seconds)) s; \(written)")
            }
            if !changed.isEmpty { Console.out(PlanPrinter.describe(changed, diffs: false)) }
            if generated > 0 { Console.print("\(generated) new client secret(s) are in secrets.txt files (mode 0600); they are not printed here") }
        }
        if !outcome.failures.isEmpty {
            let total = outcome.rendered.count + outcome.failures.count
            Console.err("guidekit: \(outcome.failures.count) of \(total) failed (listed above); the other \(outcome.rendered.count) were \(plan ? "planned" : "written")\n")
            throw ExitStatus.findings
        }
        if plan, outcome.plans.contains(where: \.hasChanges) { throw ExitStatus.changesPending }
    }

    /// `--template`, else the template compiled into the binary (templates/guide.html).
    static func loadTemplate(_ explicit: String?) throws -> String {
        guard let explicit else { return GuideRenderer.defaultTemplate }
        return try GuideFileReader().read(explicit)
    }
}

/// An input problem: printed on one line, exit status 2.
struct InputFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
