import ArgumentParser
import Dispatch
import Foundation
import GuideKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render guides for your own sites, with fresh secrets, as Markdown and HTML.",
        discussion: """
            For each site file (docs/SITES.md) and guide, writes OUT/SITE/GUIDE/ with guide.md, \
            guide.html, the Authelia client YAML, the application's configuration blocks and \
            commands, and secrets.txt (mode 0600) when a secret was generated. Every rendered \
            guide is checked again; if any render fails, nothing is written.

            Example:
              guidekit render docs/guides/proxmox.md --site docs/sites/example.yml --out out/

            Exit status: 0 rendered, 1 a rendered guide would not check clean, 2 usage or input
            failure (unreadable guide, invalid site file, missing template).
            """
    )

    @Argument(help: "Guides, or folders of guides, to render.")
    var guides: [String]

    @Option(name: .customLong("site"), help: "A site file, or a folder of them (*.yml); repeat for several.")
    var sites: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Make secrets and salts reproducible (for tests and examples only; never for real secrets).")
    var seed: UInt64?

    @Option(name: .customLong("authelia-version"), help: "Render the key names of this Authelia release (default: the site's authelia_version, else the guide's).")
    var autheliaVersion: AutheliaVersionArgument?

    @Option(help: "HTML page template (default: templates/guide.html).")
    var template: String?

    @OptionGroup var profileOptions: ProfileOptions

    func run() throws {
        guard !sites.isEmpty else { throw ValidationError("give at least one --site FILE") }
        let (files, pathErrors) = GuideFinder.markdownFiles(in: guides)
        if let error = pathErrors.first { throw InputFailure("\(error)") }
        var parsed: [Guide] = []
        for path in files {
            do { parsed.append(GuideParser.parse(path: path, text: try GuideFileReader().read(path))) } catch { throw InputFailure("\(error)") }
        }
        // Sites may set any label the guides assume, so read those before the sites.
        let labels = Array(Set(parsed.flatMap { $0.assumptions.map(\.label.value) }))
        var loadedSites: [Site] = []
        for path in try Self.siteFiles(sites) {
            do { loadedSites.append(try SiteLoader.load(path: path, extraLabels: labels)) } catch { throw InputFailure("\(error)") }
        }
        if let duplicate = Dictionary(grouping: loadedSites, by: \.name).first(where: { $0.value.count > 1 }) {
            throw InputFailure("two site files are named '\(duplicate.key)'; the output folder is named after the site")
        }
        let renderer = GuideRenderer(checker: Checker(profiles: try profileOptions.load()),
                                     template: try Self.loadTemplate(template))

        var prepared: [GuideRenderer.PreparedGuide] = []
        for guide in parsed {
            do {
                prepared.append(try renderer.prepare(guide))
            } catch {
                FileHandle.standardError.write(Data("guidekit: error: \(error)\nguidekit: nothing was written\n".utf8))
                throw ExitStatus.findings
            }
        }
        let jobs = loadedSites.flatMap { site in prepared.map { (site, $0) } }
        let start = Date()
        let outcomes = jobs.concurrentMap { job -> Result<RenderedGuide, RenderError> in
            let (site, guide) = job
            let version = autheliaVersion?.version
            if let seed {
                var random = SeededGenerator(seed: seed, name: site.name + "/" + guide.path)
                return Result { () throws(RenderError) in try renderer.render(guide, site: site, version: version, random: &random) }
            }
            var random = SystemRandomNumberGenerator()
            return Result { () throws(RenderError) in try renderer.render(guide, site: site, version: version, random: &random) }
        }
        let failures = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        guard failures.isEmpty else {
            for failure in failures {
                FileHandle.standardError.write(Data("guidekit: error: \(failure)\n".utf8))
            }
            FileHandle.standardError.write(Data("guidekit: nothing was written (\(failures.count) of \(jobs.count) renders failed)\n".utf8))
            throw ExitStatus.findings
        }
        let rendered = outcomes.compactMap { try? $0.get() }
        let folders: [String]
        do {
            folders = try OutputWriter.write(rendered, to: out)
        } catch {
            throw InputFailure("\(error)")
        }
        for item in rendered {
            for warning in item.warnings {
                FileHandle.standardError.write(Data("guidekit: warning: \(item.guide) for site \(item.site): \(warning)\n".utf8))
            }
        }
        let generated = rendered.filter(\.generatedSecret).count
        print("rendered \(rendered.count) guide(s) for \(loadedSites.count) site(s) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s into \(folders.joined(separator: ", "))")
        if generated > 0 { print("\(generated) new client secret(s) are in secrets.txt files (mode 0600); they are not printed here") }
    }

    /// Site files, with folders expanded to their `*.yml` / `*.yaml` files in sorted order.
    static func siteFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputFailure("\(path): no such site file")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let sites = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            guard !sites.isEmpty else { throw InputFailure("\(path): folder holds no site files (*.yml)") }
            files += sites.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// `--template`, else templates/guide.html in the current folder or beside the tool's
    /// package (found from the executable's path, for `swift run` from elsewhere).
    static func loadTemplate(_ explicit: String?) throws -> String {
        var candidates: [String] = []
        if let explicit { candidates = [explicit] } else {
            candidates.append("templates/guide.html")
            var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(directory.appendingPathComponent("templates/guide.html").path)
                directory = directory.deletingLastPathComponent()
            }
        }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            do { return try GuideFileReader().read(path) } catch { throw InputFailure("\(error)") }
        }
        throw InputFailure("HTML template not found (looked for \(candidates[0])); pass --template FILE")
    }
}

/// An input problem: printed on one line, exit status 2.
struct InputFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
