import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `domains.cfg` read as Proxmox's SectionConfig reads it (reference sheet §3.1).
struct ProxmoxDomainsConfigTests {
    /// The file Proxmox itself writes for the reference example.
    static let written = """
        pve: pve
        \tcomment Proxmox VE authentication server

        pam: pam
        \tcomment Linux PAM standard authentication

        openid: authelia
        \tclient-id proxmox
        \tissuer-url https://auth.example.com
        \tautocreate 1
        \tclient-key insecure_secret
        \tscopes openid profile email
        \tusername-claim preferred_username

        """

    @Test func whatProxmoxWritesReadsBackWithoutProblems() throws {
        let (sections, problems) = ProxmoxDomainsConfig.parse(Self.written)
        #expect(problems.isEmpty, "\(problems)")
        #expect(sections.map(\.type) == ["pve", "pam", "openid"])
        let realm = try #require(sections.last)
        #expect(realm.id == "authelia" && realm.line == 7)
        #expect(realm.value("scopes") == "openid profile email")
        #expect(realm.value("client-key") == "insecure_secret")
    }

    @Test(arguments: [
        ("openid: authelia\n\tclient_id proxmox\n\tissuer-url https://a.example\n\tclient-id p\n",
         "line 2: 'client_id' is not an option of an openid realm; Proxmox drops it — did you mean 'client-id'?"),
        ("openid: authelia\n\tclient-id a\n\tclient-id b\n\tissuer-url https://a.example\n",
         "line 3: 'client-id' is set twice in section 'authelia'; Proxmox refuses the second"),
        ("openid: authelia\n\tclient-id a\n", "line 1: realm 'authelia' has no 'issuer-url', which Proxmox requires for an openid realm"),
        ("openid: 9realm\n\tclient-id a\n\tissuer-url https://a.example\n",
         "line 1: '9realm' is not a realm name Proxmox accepts: a letter, then letters, digits, '.', '-' or '_', 2 to 32 characters"),
        ("openid: authelia\n\tclient-id a\n\tissuer-url https://a.example\n\tautocreate yes\n",
         "line 4: 'autocreate' is written as 1 or 0 (found 'yes')"),
        ("\tclient-id a\n", "line 1: a property line outside any section (no 'type: id' line before it)"),
        ("openid: authelia\n\tclient-id a\n\tissuer-url https://a.example\n\tacr-values a b\n",
         "line 4: 'acr-values' must not contain spaces, '<', '>', '#' or '\"' (separate values with ',' or ';')"),
        ("openid authelia\n", "line 1: 'openid authelia' is neither a section header ('openid: REALM') nor an indented property"),
    ])
    func problemsNameTheLineAndTheReason(text: String, expected: String) {
        #expect(ProxmoxDomainsConfig.parse(text).problems.map(\.description) == [expected])
    }

    /// In a guide, such a block is an error at the key (rule app-domains-cfg).
    @Test func aGuideWithABrokenDomainsCfgIsAFinding() throws {
        let text = try ProjectFiles.text("docs/guides/proxmox.md")
            .replacingOccurrences(of: "\tautocreate 1\n", with: "\tautocreate 1\n\tautocreate 1\n")
        let found = findings(text).filter { $0.ruleID == "app-domains-cfg" }
        #expect(found.map(\.message) == ["'autocreate' is set twice in section 'authelia'; Proxmox refuses the second"])
        #expect(found.first?.location.column == 2 && found.first?.length == 10)
    }

    /// A render whose domains.cfg Proxmox would misread is refused, not written: a realm
    /// name that never passes the site loader, given to the renderer directly.
    @Test func aRenderWithABrokenDomainsCfgIsRefused() throws {
        var site = try RenderTests.site(RenderTests.example)
        site.values[AssumptionKey(.realm)]?.text = "x"
        #expect {
            _ = try RenderTests.render(site)
        } throws: { error in
            (error as? RenderError)?.message.contains("the rendered domains.cfg would not be read as meant (line 107): 'x' is not a realm name") == true
        }
    }
}
