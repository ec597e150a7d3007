import Testing
@testable import GuideDocument

/// The page is made by walking cmark's tree of the guide's own parse (CMarkPageRenderer):
/// safety as cmark's safe mode gives it, and GuideKit's decorations on the right nodes.
struct PageRenderingTests {
    static func page(_ text: String) -> String {
        GuideParser.parse(path: "g.md", text: text, html: true).html ?? ""
    }

    @Test func rawHTMLAndDangerousTargetsAreNeutralised() {
        let html = Self.page("<script>alert(1)</script>\n\nText <b onclick=\"x\">bold</b> [a](javascript:alert(1)) ![i](data:text/html,x) ![p](data:image/png;base64,AA)\n")
        #expect(!html.contains("<script") && !html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("<a href=\"\">a</a>") && html.contains("src=\"\""))
        #expect(html.contains("src=\"data:image/png;base64,AA\""))
    }

    @Test func headingsGetAnchorsAndCodeBlocksTheirFigure() {
        let html = Self.page("## Set *up*\n\n## Set up\n\n```yaml {title=\"a<b>.yml\"}\nx: '<y>'\n```\n\n- item\n\n  ```sh\n  echo hi\n  ```\n")
        #expect(html.contains("<h2 id=\"set-up\">Set <em>up</em></h2>"))
        #expect(html.contains("<h2 id=\"set-up-2\">Set up</h2>"))
        #expect(html.contains("<figure class=\"code\"><figcaption>a&lt;b&gt;.yml</figcaption><button class=\"copy\" type=\"button\">Copy</button><pre><code class=\"language-yaml\">x: '&lt;y&gt;'\n</code></pre></figure>"), "\(html)")
        // A block inside a list item is decorated too: nodes are matched by their source line.
        #expect(html.contains("<pre><code class=\"language-sh\">echo hi\n</code></pre></figure>"))
    }

    @Test func aHostileInfoStringNeverReachesAnAttribute() {
        let html = Self.page("```yaml\"><img src=x onerror=alert(1)>\nx\n```\n")
        #expect(!html.contains("onerror"))
    }

    @Test func shortcodeOnlyLinesAreDroppedAndCodeIsKept() {
        let html = Self.page("Before\n{{< callout context=\"note\" >}}\nAfter\n\n{{% oidc-common %}}\n\n```\n{{< kept >}}\n```\n")
        #expect(!html.contains("callout") && !html.contains("oidc-common"))
        #expect(html.contains("<p>Before\nAfter</p>"), "\(html)")
        #expect(html.contains("{{&lt; kept &gt;}}"))
    }
}
