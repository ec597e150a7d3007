import Foundation
import GuideChecks
import GuideDocument

/// How a render updates a site folder it rendered before: which secret each application
/// gets (the site file's, the state's, or a new one), which applications' earlier output is
/// kept as it is, and the plan that turns the folder into the new one.
enum SiteUpdate {
    /// The secret request for `application`: a secret the site file gives wins; otherwise the
    /// one the state keeps, unless it is to be rotated; otherwise a new one.
    static func secret(for site: Site, application: String, state: SiteState, rotate: Bool) -> (Site.SecretRequest, SitePlan.SecretChange) {
        if case .given = site.secret { return (site.secret, .given) }
        if let kept = state.clients[application] {
            if rotate { return (.generate, .rotated) }
            return (.kept(secret: kept.secret, digest: kept.digest), kept.origin == "imported" ? .imported : .kept)
        }
        return (.generate, .new)
    }

    /// Applications rendered before and not in this run: their guides read back from the
    /// folder, so the site index still lists them.
    static func keptGuides(site: String, folder: String, state: SiteState, excluding rendered: Set<String>) -> [RenderedGuide] {
        let applications = Set(state.files.values.map(\.application)).subtracting(rendered).subtracting([""])
        return applications.sorted().compactMap { application in
            let path = (folder as NSString).appendingPathComponent("\(application)/guide.md")
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let guide = GuideParser.parse(path: path, text: String(decoding: data, as: UTF8.self))
            var kept = RenderedGuide(site: site, guide: application, artifacts: [], warnings: [], generatedSecret: false,
                                     title: guide.title, clients: guide.clients)
            kept.definitions = OIDCDefinitions.read(guide)
            return kept
        }
    }

    /// The plan for one site: the rendered applications' files and the index replace what
    /// those wrote before; the state records the secrets and every file's hash.
    static func plan(site: String, folder: String, oldState: SiteState, rendered: [RenderedGuide], index: RenderedGuide?,
                     secrets: [String: SitePlan.SecretChange]) -> SitePlan {
        var files: [String: (content: String, mode: Int, application: String)] = [:]
        for item in rendered + (index.map { [$0] } ?? []) {
            for artifact in item.artifacts {
                let path = item.guide.isEmpty ? artifact.name : "\(item.guide)/\(artifact.name)"
                files[path] = (artifact.content, artifact.permissions, item.guide)
            }
        }
        let renderedNames = Set(rendered.map(\.guide))
        var state = oldState
        // Kept: other applications' files, and the earlier index when this one failed.
        state.files = state.files.filter { $0.value.application.isEmpty ? index == nil : !renderedNames.contains($0.value.application) }
        for (path, file) in files {
            state.files[path] = SiteState.File(application: file.application, sha256: SiteState.sha256(file.content), mode: file.mode)
        }
        for item in rendered {
            if let secret = item.secret {
                let origin = secrets[item.guide] == .imported ? "imported" : "generated"
                state.clients[item.guide] = SiteState.Client(clientID: secret.clientID, secret: secret.secret, digest: secret.digest, origin: origin)
            } else {
                state.clients[item.guide] = nil
            }
        }
        var plan = SitePlan.make(site: site, folder: folder, oldState: oldState, newState: state, files: files, rendered: renderedNames,
                                 writesSiteFiles: index != nil)
        plan.secrets = secrets.filter { renderedNames.contains($0.key) }
        return plan
    }
}
