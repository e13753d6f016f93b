package dev.lightspeed.tools.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
  private static HtmlText.Page reduce(String html) {
    return HtmlText.reduce(html.getBytes(StandardCharsets.UTF_8), null, "https://e.x/docs/page.html");
  }

  @Test
  void tablesQuotesImagesAndNumberedListsKeepTheirShape() {
    HtmlText.Page page = reduce("""
        <html><body><main>
        <h2>Speeds</h2>
        <table><tr><th>Animal</th><th>km/h</th></tr><tr><td>Fox</td><td>50</td></tr></table>
        <blockquote><p>Quick.</p><p>Brown.</p></blockquote>
        <p><img src="fox.png" alt="A red fox"> Line one<br>line two</p>
        <ol start="3"><li>third</li><li>fourth</li></ol>
        <hr>
        <p><a href="javascript:void(0)">menu</a> <a href="../api.html">API</a> <a href="https://e.x/raw">https://e.x/raw</a></p>
        </main></body></html>""");

    assertThat(page.text()).isEqualTo("""
        ## Speeds

        Animal | km/h
        Fox | 50

        > Quick.
        >\s
        > Brown.

        [image: A red fox] Line one
        line two

        3. third
        4. fourth

        ---

        menu API [https://e.x/api.html] https://e.x/raw""");
  }

  @Test
  void scriptsStylesFormsAndFramesAreDroppedAndWhitespaceCollapses() {
    HtmlText.Page page = reduce("<html><head><title>  A\n  page </title></head><body>"
        + "<div>Before<script>var x = 1;</script><style>.a{}</style><noscript>enable js</noscript>"
        + "<form><input value=\"secret\"><button>Go</button><select><option>One</option></select></form>"
        + "<iframe src=\"https://ads.e.x\"></iframe>  after\n\n   more</div></body></html>");

    assertThat(page.title()).isEqualTo("A page");
    assertThat(page.text()).as("the form is a block, so it still ends the paragraph").isEqualTo("Before\n\nafter more");
  }

  @Test
  void theCharsetIsTakenFromTheMetaTagWhenTheServerSentNone() {
    byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(HtmlText.reduce(latin1, null, "https://e.x/").text()).isEqualTo("Caf\u00e9");
  }
}
