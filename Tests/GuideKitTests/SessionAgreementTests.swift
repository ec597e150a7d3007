import Foundation
import Testing

/// `check`, `fix`, `render` and `extract` run through one check session: one repository with
/// one `.guidekit.yml` gets the same verdict from each (the configuration was once applied by
/// `check` only, so `render` refused and `fix` rewrote what `check` passed).
struct SessionAgreementTests {
    let cli = CommandLineTests()

    /// A repository whose guide contradicts its Client ID assumption (`client-id-mismatch`),
    /// and a draft that `exclude` leaves out; `config` is the `.guidekit.yml`.
    func repository(config: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let guide = try ProjectFiles.text("docs/guides/proxmox.md")
            .replacingOccurrences(of: "      - client_id: 'proxmox'", with: "      - client_id: 'pve'")
        #expect(guide.contains("client_id: 'pve'"))
        _ = try folder.write(".guidekit.yml", Data(config.utf8))
        _ = try folder.write("docs/proxmox.md", Data(guide.utf8))
        _ = try folder.write("docs/drafts/draft.md", Data("### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'other'\n```\n".utf8))
        _ = try folder.write("site.yml", Data("application_root_url: https://pve.home.test/\nauthelia_root_url: https://auth.home.test/\nclient_id: pve\nrealm: home\n".utf8))
        return folder
    }

    @Test func allFourCommandsApplyTheConfiguration() throws {
        let repo = try repository(config: "paths: [docs]\nexclude: ['docs/drafts/**']\ndisable: [client-id-mismatch]\n")
        let dir = repo.url.path
        let check = try cli.run(["check", "--no-cache"], in: dir)
        #expect(check.status == 0 && check.stdout.contains("in 1 file") && !check.stdout.contains("client-id-mismatch"), "\(check.stdout)\(check.stderr)")
        let fix = try cli.run(["fix", "--dry-run", "--no-cache"], in: dir)
        #expect(fix.status == 0 && fix.stdout.isEmpty && fix.stderr.contains("would fix 0 finding(s)"), "\(fix.stdout)\(fix.stderr)")
        let render = try cli.run(["render", "docs/proxmox.md", "--site", "site.yml", "--out", "out", "--seed", "1", "--no-cache"], in: dir)
        #expect(render.status == 0, "\(render.stdout)\(render.stderr)")
        let extract = try cli.run(["extract"], in: dir)
        #expect(extract.status == 0 && extract.stdout.contains("docs/proxmox.md") && !extract.stdout.contains("draft.md"), "\(extract.stderr)")
    }

    @Test func withoutTheConfigurationAllFourSeeTheFinding() throws {
        let repo = try repository(config: "paths: [docs]\nexclude: ['docs/drafts/**']\ndisable: [client-id-mismatch]\n")
        let dir = repo.url.path
        let check = try cli.run(["check", "--no-config", "--no-cache", "docs"], in: dir)
        #expect(check.status == 1 && check.stdout.contains("client-id-mismatch"), "\(check.stdout)")
        let fix = try cli.run(["fix", "--no-config", "--dry-run", "--no-cache", "docs/proxmox.md"], in: dir)
        #expect(fix.status == 1 && fix.stdout.contains("+      - client_id: 'proxmox'"), "\(fix.stdout)\(fix.stderr)")
        let render = try cli.run(["render", "--no-config", "docs/proxmox.md", "--site", "site.yml", "--out", "out", "--seed", "1", "--no-cache"], in: dir)
        #expect(render.status == 1 && render.stderr.contains("client-id-mismatch"), "\(render.stdout)\(render.stderr)")
        let extract = try cli.run(["extract", "--no-config", "docs"], in: dir)
        #expect(extract.stdout.contains("draft.md"))
    }
}
