package org.knut.admin.testing;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What a browser can measure of the open page's accessibility: text contrast, form labels, width. */
public final class PageChecks {
    private PageChecks() {
    }

    /** One piece of visible text: its contrast against what is behind it, and what WCAG AA requires of it. */
    public record TextContrast(String text, String element, double ratio, double required) {
        public boolean enough() {
            return ratio >= required;
        }
    }

    /** WCAG 2's relative luminance, and the colour behind an element: its backgrounds blended down to the first opaque one. */
    private static final String COLOURS = """
            const rgba = s => {
              const m = /rgba?\\(([^)]+)\\)/.exec(s || '');
              if (!m) { return null; }
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
            const background = el => {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = rgba(getComputedStyle(e).backgroundColor);
                if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } }
              }
              return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1]);
            };
            const luminance = c => {
              const [r, g, b] = c.slice(0, 3).map(v => {
                v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            """;

    // The contrast ratio of each visible text against what is behind it. Large text (24 px, or 18.66 px
    // bold) needs 3:1, other text 4.5:1. Text clipped to a pixel (screen-reader only) or moved off screen
    // is not seen, so not measured.
    private static final String CONTRASTS = COLOURS + """
            const out = [];
            const seen = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (!n.textContent.trim() || seen.has(el) || el.closest('noscript, script, style, title')) { continue; }
              seen.add(el);
              const cs = getComputedStyle(el);
              const box = el.getBoundingClientRect();
              if (cs.visibility !== 'visible' || box.width <= 1 || box.height <= 1 || box.right <= 0 || box.bottom <= 0) { continue; }
              const svg = el instanceof SVGElement;
              const fg = rgba(svg ? cs.fill : cs.color);
              if (!fg) { continue; }
              const bg = background(el);
              const l1 = luminance(over(fg, bg)), l2 = luminance(bg);
              const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
              const large = !svg && (size >= 24 || (size >= 18.66 && bold));
              out.push({ text: n.textContent.trim().slice(0, 60),
                         element: el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().replace(/\\s+/g, '.') : ''),
                         ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), required: large ? 3 : 4.5 });
            }
            return out;
            """;

    /** Every visible text of the open page with its contrast. */
    @SuppressWarnings("unchecked")
    public static List<TextContrast> contrasts(ChromeDriver d) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) d.executeScript(CONTRASTS);
        return found.stream().map(m -> new TextContrast((String) m.get("text"), (String) m.get("element"),
                ((Number) m.get("ratio")).doubleValue(), ((Number) m.get("required")).doubleValue())).toList();
    }

    /**
     * The form controls of the open page that lack a label: an input or select without a {@code <label>}
     * of its own, or any control without an accessible name as Chromium computes it for screen readers.
     */
    public static List<String> unlabelledControls(ChromeDriver d) {
        return d.findElements(By.cssSelector("input:not([type=hidden]), select, textarea, button")).stream()
                .filter(e -> e.getAccessibleName().isBlank() || !"button".equals(e.getTagName()) && !hasLabel(d, e))
                .map(e -> e.getAttribute("outerHTML")).toList();
    }

    private static boolean hasLabel(ChromeDriver d, WebElement control) {
        return ((Number) d.executeScript("return arguments[0].labels.length;", control)).intValue() > 0;
    }

    /** By how many CSS pixels the open page is wider than the window (0: no sideways scrolling). */
    public static int horizontalOverflow(ChromeDriver d) {
        return ((Number) d.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }

    /** The width of the window the page is laid out in, in CSS pixels. */
    public static int layoutWidth(ChromeDriver d) {
        return ((Number) d.executeScript("return document.documentElement.clientWidth;")).intValue();
    }

    /** The relative luminance (0 black to 1 white) of the open page's background. */
    public static double backgroundLuminance(ChromeDriver d) {
        return ((Number) d.executeScript(COLOURS + "return luminance(background(document.body));")).doubleValue();
    }

    /** The relative luminance (0 black to 1 white) of the open page's body text. */
    public static double textLuminance(ChromeDriver d) {
        return ((Number) d.executeScript(COLOURS + "return luminance(rgba(getComputedStyle(document.body).color));")).doubleValue();
    }
}
