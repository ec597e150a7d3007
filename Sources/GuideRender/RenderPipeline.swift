import Foundation
import SecretDigests
import GuideChecks
import GuideDocument
import GuideKnowledge

/// `guidekit render` as a library, one way through:
///
///     guide files ─→ prepared guides (parsed once, checked as written, labels)
///     site files ─→ sites (validated against those labels)
///     (site, guide) ─→ SubstitutionPlan ─→ rendered text ─→ re-check + HTML ─→ RenderedGuide
///     rendered guides ─→ OutputWriter (each site folder swapped in whole; failures listed)
///
/// The command-line tool only parses options and prints the outcome.
public struct RenderPipeline: Sendable {
    public var renderer: GuideRenderer
    public var input: GuideInput
    /// Overrides the sites' and guides' Authelia release.
    public var version: AutheliaVersion?
    /// Makes secrets and salts reproducible (tests and examples only).
    public var seed: UInt64?
    /// Verdicts of the guides' own digests, remembered across runs.
    public var cache: DigestCache?
    /// Render every guide for every site when there are several of both (`--matrix`);
    /// otherwise that is refused as a likely mistake (one homelab file describes many apps).
    public var matrix = false
    /// Applications (guide names) or client ids whose secrets are replaced by new ones.
    public var rotate: Set<String> = []
    /// Replace every managed secret.
    public var rotateAll = false
    /// Work out and return the plans, write nothing (`--plan`).
    public var planOnly = false

    public init(renderer: GuideRenderer, input: GuideInput = GuideInput(), version: AutheliaVersion? = nil, seed: UInt64? = nil,
                cache: DigestCache? = nil) {
        self.cache = cache
        self.renderer = renderer
        self.input = input
        self.version = version
        self.seed = seed
    }

    /// What a run did. Every render that checks clean is written; a guide or render that
    /// fails is listed with its reason and does not hold the others back.
    public struct Outcome: Sendable {
        public var sites: [Site] = []
        public var rendered: [RenderedGuide] = []
        /// Each site's index page (`index.md`, `index.html` in the site folder).
        public var indexes: [RenderedGuide] = []
        /// Guides that do not check clean as written, and renders that failed.
        public var failures: [RenderError] = []
        /// Site folders written.
        public var folders: [String] = []
        /// Per site: what the render changes (applied unless `planOnly`).
        public var plans: [SitePlan] = []
        public var seconds = 0.0
    }

    /// Stage 1: every guide read and parsed once, then checked as written.
    public func prepare(_ paths: [String]) -> (prepared: [GuideRenderer.PreparedGuide], failures: [RenderError], errors: [InputError]) {
        let found = input.files(in: paths)
        // Each guide's output folder is named after it: a name that cannot be one (`..md`,
        // `$(id).md`, a line break, `index.html.md`) is refused before anything is read.
        let badNames = found.files.compactMap { path -> InputError? in
            let name = Guide.name(forPath: path)
            return SiteLoader.guideFolderProblem(name).map {
                InputError(path: path, message: "the guide's output folder would be named '\(name.debugDescription.dropFirst().dropLast())': \($0); rename the file")
            }
        }
        guard badNames.isEmpty else { return ([], [], found.errors + badNames) }
        // As written: the check of a guide with site variables sees the shortcodes (a host
        // written past them is a template leak); the renderer parses the resolved text itself.
        let loaded = input.load(files: found.files)
        let errors = found.errors + loaded.errors
        var prepared: [GuideRenderer.PreparedGuide] = []
        var failures: [RenderError] = []
        for result in renderer.prepare(loaded.guides, cache: cache) {
            switch result {
            case .success(let guide): prepared.append(guide)
            case .failure(let error): failures.append(error)
            }
        }
        return (prepared, failures, errors)
    }

    /// Stage 2: the sites, which may set any label the guides assume; two sites may not share
    /// a name (it names the output folder).
    public static func loadSites(_ paths: [String], for guides: [GuideRenderer.PreparedGuide]) throws(InputError) -> [Site] {
        let labels = Array(Set(guides.flatMap { $0.guide.assumptions.map(\.label.value) })).sorted()
        var sites: [Site] = []
        for path in try SiteLoader.siteFiles(paths) {
            sites.append(try SiteLoader.load(path: path, extraLabels: labels))
        }
        if let duplicate = Dictionary(grouping: sites, by: \.name).first(where: { $0.value.count > 1 }) {
            throw InputError(path: duplicate.value[1].file,
                             message: "two site files are named '\(duplicate.key)'; the output folder is named after the site")
        }
        return sites
    }

    /// An application section names a guide of this run, an application the site's output
    /// already holds (rendered earlier: a render of a subset of the site's guides uses the
    /// same site file), or an application GuideKit knows; anything else is a typo.
    static func checkApplicationSections(of sites: [Site], guides: [GuideRenderer.PreparedGuide],
                                         states: [String: SiteState]) throws(InputError) {
        let names = Set(guides.map { Guide.name(forPath: $0.path) })
        let profiles = Set(((try? ProfileLoader.bundledResult.get()) ?? []).map(\.id))
        for site in sites {
            let state = states[site.name]
            let earlier = Set(state?.clients.keys.map { $0 } ?? []).union(state?.files.values.map(\.application) ?? [])
            let known = names.union(profiles).union(earlier)
            for (app, section) in site.apps.sorted(by: { $0.key < $1.key }) where !known.contains(app) {
                let hint = Suggestion.closest(to: app, in: known.sorted()).map { " — did you mean '\($0)'?" } ?? ""
                throw InputError(path: site.file, location: section.location,
                                 message: "the application section '\(app)' names no guide being rendered\(hint) (guides: \(names.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// Stage 3: every (site, guide) pair, spread over the cores. `progress` is called after
    /// each render with (done, total), from any thread.
    public func render(_ guides: [GuideRenderer.PreparedGuide], for sites: [Site], states: [String: SiteState] = [:],
                       progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> [Result<RenderedGuide, RenderError>] {
        // Each guide sees the site's common values and its own application section, and the
        // secret the site file gives, the state keeps, or a new one.
        let jobs = sites.flatMap { site in guides.map { guide in
            let application = Guide.name(forPath: guide.path)
            var resolved = site.resolved(for: application)
            resolved.secret = secretRequest(for: resolved, application: application, state: states[site.name]).0
            return (resolved, guide)
        } }
        let renderer = renderer, version = version, seed = seed
        let counter = Counter()
        return jobs.concurrentMap { job in
            defer { progress(counter.increment(), jobs.count) }
            let (site, guide) = job
            if let seed {
                var random = SeededGenerator(seed: seed, name: site.name + "/" + guide.path)
                return Result { () throws(RenderError) in try renderer.render(guide, site: site, version: version, random: &random) }
            }
            var random = SystemRandomNumberGenerator()
            return Result { () throws(RenderError) in try renderer.render(guide, site: site, version: version, random: &random) }
        }
    }

    /// The secret request and what happens to the secret, for one application of a site.
    func secretRequest(for site: Site, application: String, state: SiteState?) -> (Site.SecretRequest, SitePlan.SecretChange) {
        let rotating = rotateAll || rotate.contains(application)
            || state?.clients[application].map { rotate.contains($0.clientID) } == true
        return SiteUpdate.secret(for: site, application: application, state: state ?? SiteState(site: site.name), rotate: rotating)
    }

    /// All stages. Input problems (unreadable guide, invalid site file, unwritable output)
    /// throw; guides and renders that fail are in the outcome's failures, and the renders
    /// that succeeded are written all the same (each site folder swapped in whole).
    public func run(guides paths: [String], sites sitePaths: [String], output: String,
                    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(InputError) -> Outcome {
        let (prepared, guideFailures, errors) = prepare(paths)
        if let error = errors.first { throw error }
        var outcome = Outcome(failures: guideFailures)
        if let twice = Dictionary(grouping: prepared, by: { Guide.name(forPath: $0.path) }).first(where: { $0.value.count > 1 }) {
            throw InputError(path: twice.value[1].path,
                             message: "two guides are named '\(twice.key)' (\(twice.value[0].path)); each guide's output folder is named after its file")
        }
        outcome.sites = try Self.loadSites(sitePaths, for: prepared)
        if outcome.sites.count > 1, prepared.count > 1, !matrix {
            throw InputError(path: outcome.sites[1].file,
                             message: "\(outcome.sites.count) sites and \(prepared.count) guides: describe several applications in one site file (its 'apps' sections), or pass --matrix to render every guide for every site")
        }
        var states: [String: SiteState] = [:]
        for site in outcome.sites {
            states[site.name] = try SiteState.load(siteFolder: (output as NSString).appendingPathComponent(site.name), site: site.name)
        }
        try Self.checkApplicationSections(of: outcome.sites, guides: prepared, states: states)
        let start = Date()
        for result in render(prepared, for: outcome.sites, states: states, progress: progress) {
            switch result {
            case .success(let rendered): outcome.rendered.append(rendered)
            case .failure(let error): outcome.failures.append(error)
            }
        }
        for site in outcome.sites {
            let guides = outcome.rendered.filter { $0.site == site.name }
            guard !guides.isEmpty else { continue }
            let folder = (output as NSString).appendingPathComponent(site.name)
            let state = states[site.name] ?? SiteState(site: site.name)
            // Applications rendered earlier and not now keep their files and stay in the index.
            let kept = SiteUpdate.keptGuides(site: site.name, folder: folder, state: state, excluding: Set(guides.map(\.guide)))
            var index: RenderedGuide?
            do {
                index = try SiteIndex.make(site: site.name, guides: guides + kept, checker: renderer.checker, template: renderer.template)
                outcome.indexes.append(index!)
            } catch {
                outcome.failures.append(error)
            }
            var secrets: [String: SitePlan.SecretChange] = [:]
            for guide in guides { secrets[guide.guide] = secretRequest(for: site.resolved(for: guide.guide), application: guide.guide, state: state).1 }
            let plan = SiteUpdate.plan(site: site.name, folder: folder, oldState: state, rendered: guides, index: index, secrets: secrets)
            // A file someone else put where GuideKit now writes is theirs: the site is left as
            // it is, and the render says which files are in the way.
            guard plan.conflicts.isEmpty else {
                for path in plan.conflicts {
                    let application = path.split(separator: "/").count > 1 ? String(path.split(separator: "/")[0]) : ""
                    var failure = RenderError(site: site.name, guide: application,
                                              message: "GuideKit would write this file, but did not write the one there (the site state does not list it): it is not overwritten; move or remove it and render again (nothing of site \(site.name) was written)")
                    failure.path = (folder as NSString).appendingPathComponent(path)
                    outcome.failures.append(failure)
                }
                // Nothing of the site is written: none of its guides counts as rendered.
                outcome.rendered.removeAll { $0.site == site.name }
                outcome.indexes.removeAll { $0.site == site.name }
                continue
            }
            outcome.plans.append(plan)
        }
        outcome.seconds = Date().timeIntervalSince(start)
        guard !outcome.rendered.isEmpty, !planOnly else { return outcome }
        do {
            outcome.folders = try OutputWriter.apply(outcome.plans, to: output)
        } catch {
            throw InputError(path: error.path, message: error.message)
        }
        return outcome
    }
}

/// A count shared by the threads of one render.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
