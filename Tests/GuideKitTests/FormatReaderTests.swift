import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Application settings from every configuration format upstream guides use, with positions.
struct FormatReaderTests {
    func settings(_ block: String) -> [AppSetting] {
        parse("### Application\n\n" + block + "\n").settings
    }

    func pairs(_ settings: [AppSetting]) -> [String] {
        settings.map { "\($0.key.value)=\($0.value.value)@\($0.value.location)" }
    }

    @Test func iniWithSections() {
        let found = settings("""
            ```ini {title="grafana.ini"}
            [server]
            root_url = https://grafana.example.com

            [auth.generic_oauth]
            ; a comment
            client_id = grafana
            scopes = openid profile email groups
            name = "Authelia"
            ```
            """)
        #expect(pairs(found) == ["root_url=https://grafana.example.com@5:12", "client_id=grafana@9:13",
                                 "scopes=openid profile email groups@10:10", "name=Authelia@11:9"])
        #expect(found.map(\.nameMeaning) == [.appBaseURL, .clientID, .scopes, nil])
    }

    @Test func tomlArrays() {
        let found = settings("""
            ```toml
            [oidc]
            client_id = "app"
            scopes = ["openid", "profile"]
            ```
            """)
        #expect(pairs(found) == ["client_id=app@5:14", "scopes=openid profile@6:10"])
    }

    @Test func jsonPairsAndArrays() {
        let found = settings("""
            ```json
            {
              "openId": {
                "discoveryURL": "https://auth.example.com",
                "client_id": "app", "scopes": ["openid", "email"],
                "port": 8080
              }
            }
            ```
            """)
        #expect(pairs(found) == ["discoveryURL=https://auth.example.com@6:22", "client_id=app@7:19",
                                 "scopes=openid email@7:35", "port=8080@8:13"])
        #expect(found[0].nameMeaning == .discoveryURL)
    }

    @Test func composeMapsListsAndKubernetesEnv() {
        let found = settings("""
            ```yaml {title="compose.yml"}
            services:
              app:
                environment:
                  OIDC_CLIENT_ID: 'app'
              other:
                environment:
                  - OIDC_ISSUER=https://auth.example.com
            ---
            env:
              - name: OIDC_CLIENT_SECRET
                value: "secret"
            ```
            """)
        #expect(pairs(found) == ["OIDC_CLIENT_ID=app@7:24", "OIDC_ISSUER=https://auth.example.com@10:21",
                                 "OIDC_CLIENT_SECRET=secret@14:13"])
        #expect(found.map(\.nameMeaning) == [.clientID, .issuerURL, .clientSecret])
    }

    @Test func yamlInsideALiteralBlockScalar() {
        // Argo CD's ConfigMap: `oidc.config` holds YAML as text; its settings are read with
        // their places in the guide, also when the block sits in a list item.
        let found = settings("""
            1. Edit the ConfigMap:

               ```yaml {title="argocd-cm.yaml"}
               data:
                 url: https://argocd.example.com
                 oidc.config: |
                   name: 'Authelia'
                   clientID: 'argocd'

                   requestedScopes: ['openid', 'groups']
                 script: |
                   echo "not: yaml here"
                   exit 1
               ```
            """)
        #expect(pairs(found) == ["url=https://argocd.example.com@7:11", "name=Authelia@9:15", "clientID=argocd@10:19",
                                 "requestedScopes=openid groups@12:26", "script=echo \"not: yaml here\"\nexit 1\n@13:14"])
        #expect(found.map(\.nameMeaning) == [nil, nil, .clientID, .scopes, nil])
    }

    @Test func jsonInsideAVariableIsReadInPlace() {
        // django-allauth's provider list as one environment variable, in a .env file and in a
        // compose file: the pairs inside are settings at their own columns.
        let found = settings("""
            ```shell {title=".env"}
            APP_PROVIDERS={"openid_connect":{"SCOPE":["openid","email"],"APPS":[{"provider_id":"authelia","client_id":"app"}]}}
            ```

            ```yaml {title="compose.yml"}
            environment:
              APP_PROVIDERS: '{"openid_connect":{"APPS":[{"provider_id":"sso"}]}}'
            ```
            """)
        #expect(pairs(found) == [
            "APP_PROVIDERS={\"openid_connect\":{\"SCOPE\":[\"openid\",\"email\"],\"APPS\":[{\"provider_id\":\"authelia\",\"client_id\":\"app\"}]}}@4:15",
            "SCOPE=openid email@4:42", "provider_id=authelia@4:85", "client_id=app@4:108",
            "APP_PROVIDERS={\"openid_connect\":{\"APPS\":[{\"provider_id\":\"sso\"}]}}@9:19",
            "provider_id=sso@9:62",
        ])
        #expect(found.filter { $0.container != nil }.map(\.container) == Array(repeating: "APP_PROVIDERS", count: 4))
        // A pretty-printed object's opening brace is not a value.
        #expect(settings("```json\n{\"links\": [{\n  \"rel\": \"issuer\"\n}]}\n```").map(\.key.value) == ["rel"])
    }

    @Test func phpArrayAndXML() {
        let found = settings("""
            ```php
            $CONFIG = array (
                'oidc_login_client_id' => 'nextcloud',
                'oidc_login_scope' => "openid profile",
            );
            ```

            ```xml
            <ClientId>jellyfin</ClientId>
            ```
            """)
        #expect(pairs(found) == ["oidc_login_client_id=nextcloud@5:32", "oidc_login_scope=openid profile@6:28",
                                 "ClientId=jellyfin@11:11"])
    }

    @Test func inlineCommandInAStep() {
        let found = parse("""
            ### Application

            1. Run `gitea admin auth add-oauth --name=authelia --key=gitea --secret "a b"`.
            """).settings
        #expect(pairs(found) == ["name=authelia@3:43", "key=gitea@3:58", "secret=a b@3:74"])  // a quoted value starts inside its quotes
    }

    @Test func blocksOutsideTheApplicationSectionAreNotSettings() {
        let found = parse("""
            ### Reverse proxy

            ```ini
            client_id = not-an-app-setting
            ```
            """).settings
        #expect(found.isEmpty)
    }
}
