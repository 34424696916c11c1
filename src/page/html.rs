//! HTML into blocks, with the `scraper` crate (the html5ever parser browsers' rules follow).
//!
//! What a reader sees is kept, in reading order: headings, paragraphs, list items, table cells,
//! definition terms and descriptions, quotations, preformatted text and `div`s holding text of
//! their own. Site chrome is left out: navigation, page headers and footers, asides, scripts and
//! styles, form controls, dialogs, cookie and consent banners, and lists made only of links (menus
//! of sibling policies). When the page marks its main content (`<main>`, `role="main"`, or a
//! single `<article>`) and that content holds a fair share of the page's text, only it is read.
//!
//! Text in a closed `<details>` or a folded accordion panel is kept and marked `collapsed`;
//! text the page does not render (`hidden`, `display: none` or `visibility: hidden` in an inline
//! style, and `aria-hidden="true"` on elements with little text) is kept and marked `hidden`, so
//! later stages can leave it out without losing it.
//!
//! Cost: html5ever parses in one pass; its tree-building checks walk the stack of open elements,
//! so a page nested `d` deep costs O(n·d) (10,000 nested `div`s parse in well under a second in a
//! release build). The tree is an arena and every walk here is iterative, so nesting depth never
//! touches the call stack. Checks that measure a subtree (banners, link menus, main content) stop
//! after a fixed number of nodes, which keeps hostile nesting from turning them quadratic.
//!
//! Known limits: styles from style sheets are not seen, so text hidden by a CSS class counts as
//! visible and an accordion folded only by a class name is recognised by that name alone
//! (`collapse`, `accordion`, ...). Banners are recognised by their class or id words (see
//! [`banner`]), their role and `aria-modal`.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::{Block, Page};

mod banner;
mod nesting;

/// Reads an HTML page into blocks, leaving site chrome out.
///
/// When `url` is `None`, the page's own canonical address (`<link rel="canonical">` or
/// `og:url`) is used, if it declares one.
pub fn parse(html: &str, url: Option<&str>) -> Page {
    let html = nesting::flatten(html);
    let dom = Html::parse_document(&html);
    let meta = read_metadata(&dom);

    let root = content_root(&dom);
    let blocks = Walker::default().run(root);

    let url = url.map(str::to_string).or(meta.canonical_url);
    Page { url, title: meta.title, blocks }
}

/// What the `<head>` says about the page.
#[derive(Default)]
struct Metadata {
    title: Option<String>,
    canonical_url: Option<String>,
}

fn read_metadata(dom: &Html) -> Metadata {
    let mut title = None;
    let mut og_title = None;
    let mut canonical = None;
    let mut og_url = None;

    for node in dom.tree.root().descendants() {
        let Node::Element(element) = node.value() else { continue };
        if !is_html_namespace(element) {
            continue;
        }

        match element.name() {
            "title" if title.is_none() => title = non_empty(fold_text(node, usize::MAX)),
            "meta" => match element.attr("property").or(element.attr("name")) {
                Some("og:title") if og_title.is_none() => og_title = meta_content(element),
                Some("og:url") if og_url.is_none() => og_url = meta_content(element),
                _ => {}
            },
            "link" if canonical.is_none() && has_token(element.attr("rel"), "canonical") => {
                canonical = element.attr("href").map(str::trim).and_then(absolute_url);
            }
            _ => {}
        }
    }

    Metadata { title: title.or(og_title), canonical_url: canonical.or(og_url) }
}

fn meta_content(element: &scraper::node::Element) -> Option<String> {
    non_empty(fold(element.attr("content").unwrap_or("")))
}

/// Only absolute `http(s)` addresses are worth keeping as the page's address.
fn absolute_url(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| href.to_string())
}

/// The share of the page's text that marked main content must hold to be read alone.
const MAIN_SHARE: f64 = 0.3;

/// Nodes that the checks measuring a subtree (banners, link menus) may visit in all, per page.
/// Past it, those checks give up and read the element as content: a real page needs a small
/// fraction of this, and hostile markup cannot make the walk quadratic.
const MEASURE_BUDGET: usize = 2_000_000;

/// Nodes one banner or menu check may visit: banners and menus are small.
const MEASURE_NODE_LIMIT: usize = 1_000;

/// The element to read: the page's marked main content when it holds a fair share of the text,
/// else the whole document.
fn content_root(dom: &Html) -> NodeRef<'_, Node> {
    let document = dom.tree.root();
    let mut main = None;
    let mut articles = Vec::new();

    for node in document.descendants() {
        let Node::Element(element) = node.value() else { continue };
        let is_main = element.name() == "main" || element.attr("role") == Some("main");
        if is_main && main.is_none() {
            main = Some(node);
        }
        if element.name() == "article" {
            articles.push(node);
            if articles.len() > 1 {
                break;
            }
        }
    }

    let candidate = main.or(if articles.len() == 1 { articles.pop() } else { None });
    let Some(candidate) = candidate else { return document };

    let mut unlimited = usize::MAX;
    let whole = text_len(document, usize::MAX, &mut unlimited).unwrap_or(0);
    let part = text_len(candidate, usize::MAX, &mut unlimited).unwrap_or(0);
    if whole > 0 && part as f64 >= MAIN_SHARE * whole as f64 {
        candidate
    } else {
        document
    }
}

/// Elements whose content is never page text.
const NEVER_TEXT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "img", "map", "input", "select", "textarea", "option",
    "datalist", "output", "progress", "meter",
];

/// Elements that are site chrome wherever they appear.
const CHROME: &[&str] = &["nav", "aside", "dialog", "menu"];

/// ARIA roles of site chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "complementary",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Elements that start and end a block of text; all others flow inside the current block.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that hold content of their own, inside which `header` and `footer` belong to the
/// content (an article's byline, a section's heading) rather than to the site.
const CONTENT_TAGS: &[&str] = &["main", "article", "section"];

/// Longest text (in bytes) a consent banner is taken to have; longer blocks are content, such as
/// a cookie policy's own sections.
const BANNER_MAX_TEXT: usize = 2_000;

/// Text (in bytes) from which an `aria-hidden` element is content hidden behind an open menu or
/// dialog rather than decoration (see [`is_hidden`]).
const ARIA_HIDDEN_MAX_TEXT: usize = 500;

/// Words in a class or id that mark a folding panel (accordion, tab, disclosure).
const FOLD_WORDS: &[&str] = &["accordion", "collaps", "expand", "toggle", "panel", "faq", "tab"];

/// How one element shows its text, inherited by everything inside it.
#[derive(Clone)]
struct Frame {
    /// The element starts and ends a block.
    is_block: bool,
    /// The innermost block element's tag: text read here belongs to that block.
    block_tag: String,
    heading_level: Option<u8>,
    hidden: bool,
    collapsed: bool,
    /// Inside `main`, `article` or `section`.
    in_content: bool,
    /// Inside a heading or a `<summary>`, where a button's text is a title, not a control.
    in_title: bool,
    /// For a closed `<details>`: its first `<summary>`, the one part that stays visible.
    closed_details_summary: Option<Option<NodeId>>,
}

impl Frame {
    fn root() -> Frame {
        Frame {
            is_block: true,
            block_tag: "body".to_string(),
            heading_level: None,
            hidden: false,
            collapsed: false,
            in_content: false,
            in_title: false,
            closed_details_summary: None,
        }
    }
}

/// Builds blocks from a walk of the tree: text collects in a buffer, and every block element's
/// start and end closes the block collected so far.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    buffer: String,
    pending_space: bool,
    /// `<br>`s in a row since the last text: two end the block, as a blank line would.
    breaks: usize,
    frames: Vec<Frame>,
    /// What is left of [`MEASURE_BUDGET`].
    budget: usize,
}

impl Walker {
    fn run(mut self, root: NodeRef<'_, Node>) -> Vec<Block> {
        self.budget = MEASURE_BUDGET;
        self.frames.push(Frame::root());
        let mut node = root;

        loop {
            if self.enter(node) {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
                self.leave();
            }

            loop {
                if node.id() == root.id() {
                    self.flush();
                    return self.blocks;
                }
                if let Some(sibling) = node.next_sibling() {
                    node = sibling;
                    break;
                }
                node = node.parent().expect("a node below the root has a parent");
                self.leave();
            }
        }
    }

    /// Handles a node on the way down; `true` when its children are to be read.
    fn enter(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.push_text(text);
                false
            }
            Node::Element(_) => self.enter_element(node),
            Node::Document | Node::Fragment => {
                self.frames.push(self.current().clone());
                true
            }
            _ => false,
        }
    }

    fn enter_element(&mut self, node: NodeRef<'_, Node>) -> bool {
        let Node::Element(element) = node.value() else { return false };
        let parent = self.current().clone();
        let name = element.name();

        if name == "br" {
            self.line_break();
            return false;
        }
        if is_skipped(node, element, &parent, &mut self.budget) {
            return false;
        }

        let is_block = BLOCK_TAGS.contains(&name);
        let own_hidden = is_hidden(node, element, &mut self.budget);
        if own_hidden && !is_block && !parent.hidden {
            // Hidden words inside visible text: the sentence reads without them.
            return false;
        }
        if is_block {
            self.flush();
        }

        let frame = child_frame(node, element, &parent, is_block, own_hidden);
        self.frames.push(frame);
        true
    }

    /// Handles a node on the way up, after its children; called only for nodes whose `enter`
    /// returned `true`, each of which pushed one frame.
    fn leave(&mut self) {
        if self.current().is_block {
            self.flush();
        }
        if self.frames.len() > 1 {
            self.frames.pop();
        }
    }

    fn current(&self) -> &Frame {
        self.frames.last().expect("the walk always has a root frame")
    }

    fn push_text(&mut self, text: &str) {
        for character in text.chars() {
            if character.is_whitespace() {
                self.pending_space = !self.buffer.is_empty();
                continue;
            }
            if self.pending_space {
                self.buffer.push(' ');
                self.pending_space = false;
            }
            self.buffer.push(character);
            self.breaks = 0;
        }
    }

    fn line_break(&mut self) {
        self.breaks += 1;
        if self.breaks >= 2 {
            self.flush();
        } else {
            self.pending_space = !self.buffer.is_empty();
        }
    }

    /// Closes the block collected so far, in the innermost block element's name.
    fn flush(&mut self) {
        self.pending_space = false;
        self.breaks = 0;
        if self.buffer.is_empty() {
            return;
        }

        let text = std::mem::take(&mut self.buffer);
        let frame = self.current();
        self.blocks.push(Block {
            text,
            tag: frame.block_tag.clone(),
            heading_level: frame.heading_level,
            hidden: frame.hidden,
            collapsed: frame.collapsed || frame.closed_details_summary.is_some(),
            index: self.blocks.len(),
        });
    }
}

/// The frame of an element about to be read, from its parent's.
fn child_frame(
    node: NodeRef<'_, Node>,
    element: &scraper::node::Element,
    parent: &Frame,
    is_block: bool,
    own_hidden: bool,
) -> Frame {
    let name = element.name();
    let heading_level = heading_level(element);
    let folds = is_folding_panel(element);

    let closed_details_body =
        parent.closed_details_summary.is_some_and(|summary| summary != Some(node.id()));
    let closed_details_summary =
        (name == "details" && element.attr("open").is_none()).then(|| first_summary(node));

    let collapsed = parent.collapsed || closed_details_body || (folds && own_hidden);
    let hidden = parent.hidden || (own_hidden && !folds);

    Frame {
        is_block,
        block_tag: if is_block { name.to_string() } else { parent.block_tag.clone() },
        heading_level: if is_block { heading_level } else { parent.heading_level },
        hidden,
        collapsed,
        in_content: parent.in_content
            || CONTENT_TAGS.contains(&name)
            || element.attr("role") == Some("main"),
        in_title: parent.in_title || heading_level.is_some() || name == "summary",
        closed_details_summary,
    }
}

/// Whether an element and everything in it is left out of the page.
fn is_skipped(
    node: NodeRef<'_, Node>,
    element: &scraper::node::Element,
    parent: &Frame,
    budget: &mut usize,
) -> bool {
    let name = element.name();

    if !is_html_namespace(element) || NEVER_TEXT.contains(&name) || CHROME.contains(&name) {
        return true;
    }
    if name == "button" && !parent.in_title {
        return true;
    }
    if (name == "header" || name == "footer") && !parent.in_content {
        return true;
    }
    if element.attr("role").is_some_and(|role| CHROME_ROLES.contains(&role)) {
        return true;
    }
    if element.attr("aria-modal") == Some("true") {
        return true;
    }
    if (name == "ul" || name == "ol") && is_link_menu(node, budget) {
        return true;
    }
    is_consent_banner(node, element, parent, budget)
}

/// Whether the page does not render an element. `aria-hidden` only hides from assistive
/// technology, yet it mostly marks decorative or duplicated text, so it counts when the element
/// holds little text; pages put it on their whole content while a menu or dialog is open, and
/// that content is what the reader sees once it closes.
fn is_hidden(
    node: NodeRef<'_, Node>,
    element: &scraper::node::Element,
    budget: &mut usize,
) -> bool {
    if element.attr("hidden").is_some_and(|value| value != "until-found") {
        return true;
    }
    if element.attr("aria-hidden") == Some("true") {
        let mut allowance = MEASURE_NODE_LIMIT.min(*budget);
        let length = text_len(node, ARIA_HIDDEN_MAX_TEXT, &mut allowance);
        *budget -= MEASURE_NODE_LIMIT.min(*budget) - allowance;
        return length.is_some_and(|length| length < ARIA_HIDDEN_MAX_TEXT);
    }

    element.attr("style").is_some_and(hides_by_style)
}

/// An inline style that keeps the element from showing.
fn hides_by_style(style: &str) -> bool {
    let style: String =
        style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// A folding panel: an accordion or tab body, hidden until the reader opens it.
fn is_folding_panel(element: &scraper::node::Element) -> bool {
    if element.attr("hidden") == Some("until-found") {
        return true;
    }
    if matches!(element.attr("role"), Some("region" | "tabpanel")) {
        return true;
    }

    let names = [element.attr("class"), element.id()];
    names.into_iter().flatten().any(|value| {
        let value = value.to_ascii_lowercase();
        FOLD_WORDS.iter().any(|word| value.contains(word))
    })
}

/// The first `<summary>` child of a `<details>`: it stays visible when the details are closed.
fn first_summary(details: NodeRef<'_, Node>) -> Option<NodeId> {
    details
        .children()
        .find(|child| child.value().as_element().is_some_and(|e| e.name() == "summary"))
        .map(|summary| summary.id())
}

fn heading_level(element: &scraper::node::Element) -> Option<u8> {
    let name = element.name().as_bytes();
    if name.len() == 2 && name[0] == b'h' && (b'1'..=b'6').contains(&name[1]) {
        return Some(name[1] - b'0');
    }

    if element.attr("role") == Some("heading") {
        let level = element.attr("aria-level").and_then(|level| level.trim().parse::<u8>().ok());
        return Some(level.unwrap_or(2).clamp(1, 6));
    }
    None
}

/// A list whose every item is only link text: a menu (of sibling policies, of site sections),
/// not content.
fn is_link_menu(list: NodeRef<'_, Node>, budget: &mut usize) -> bool {
    let mut items = 0;
    let mut visited = 0;

    for item in list.children() {
        let Some(element) = item.value().as_element() else { continue };
        if element.name() != "li" {
            continue;
        }
        items += 1;

        let mut link_text = false;
        for node in item.descendants() {
            visited += 1;
            if visited > MEASURE_NODE_LIMIT || *budget == 0 {
                return false;
            }
            *budget -= 1;

            let Node::Text(text) = node.value() else { continue };
            if text.trim().is_empty() {
                continue;
            }
            if !inside_link(node, item) {
                return false;
            }
            link_text = true;
        }
        if !link_text {
            return false;
        }
    }
    items > 0
}

fn inside_link(node: NodeRef<'_, Node>, stop: NodeRef<'_, Node>) -> bool {
    for ancestor in node.ancestors() {
        if ancestor.id() == stop.id() {
            return false;
        }
        if ancestor.value().as_element().is_some_and(|element| element.name() == "a") {
            return true;
        }
    }
    false
}

/// A cookie or consent banner: made by a known consent tool, or short and named a banner by its
/// class or id (a topic word and a shape word, see [`banner`]), or a fixed or sticky box named
/// by a topic word. Tables and lists are never banners (a cookie policy lists its cookies in
/// them), nor is a titled section of the page's main content, where banners do not sit and
/// policies do.
fn is_consent_banner(
    node: NodeRef<'_, Node>,
    element: &scraper::node::Element,
    parent: &Frame,
    budget: &mut usize,
) -> bool {
    if matches!(element.name(), "table" | "tbody" | "tr" | "td" | "ul" | "ol" | "li" | "dl") {
        return false;
    }

    let names = [element.attr("class"), element.id()];
    let names = names.into_iter().flatten();
    if names.clone().any(banner::names_consent_tool) {
        return true;
    }
    let named = names.clone().any(banner::names_banner)
        || (names.clone().any(banner::names_topic) && is_pinned(element));
    if !named {
        return false;
    }

    let mut allowance = MEASURE_NODE_LIMIT.min(*budget);
    let short = text_len(node, BANNER_MAX_TEXT + 1, &mut allowance)
        .is_some_and(|length| length <= BANNER_MAX_TEXT);
    let titled = parent.in_content && has_heading(node, &mut allowance);
    *budget -= MEASURE_NODE_LIMIT.min(*budget) - allowance;
    short && !titled
}

/// An inline style that pins the element to the window, as banners are.
fn is_pinned(element: &scraper::node::Element) -> bool {
    let Some(style) = element.attr("style") else { return false };
    let style: String =
        style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    style.contains("position:fixed") || style.contains("position:sticky")
}

/// Whether a heading sits under `node`, looking at no more nodes than `budget` allows.
fn has_heading(node: NodeRef<'_, Node>, budget: &mut usize) -> bool {
    for descendant in node.descendants() {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        let Some(element) = descendant.value().as_element() else { continue };
        if heading_level(element).is_some() {
            return true;
        }
    }
    false
}

/// Bytes of text under `node` (script and the like left out), counting up to `limit` bytes.
/// Each node visited costs one unit of `budget`; `None` when the budget runs out first.
fn text_len(node: NodeRef<'_, Node>, limit: usize, budget: &mut usize) -> Option<usize> {
    let mut length = 0;
    let mut skipping: Option<NodeId> = None;

    for edge in node.traverse() {
        match edge {
            Edge::Open(current) => {
                if *budget == 0 {
                    return None;
                }
                *budget -= 1;
                if skipping.is_some() {
                    continue;
                }

                match current.value() {
                    Node::Text(text) => length += text.trim().len(),
                    Node::Element(element) if NEVER_TEXT.contains(&element.name()) => {
                        skipping = Some(current.id());
                    }
                    _ => {}
                }
                if length >= limit {
                    return Some(length);
                }
            }
            Edge::Close(current) => {
                if skipping == Some(current.id()) {
                    skipping = None;
                }
            }
        }
    }
    Some(length)
}

/// All text under `node` with white space folded, stopping after `limit` bytes.
fn fold_text(node: NodeRef<'_, Node>, limit: usize) -> String {
    let mut raw = String::new();
    for descendant in node.descendants() {
        if let Node::Text(text) = descendant.value() {
            raw.push_str(text);
            raw.push(' ');
            if raw.len() > limit {
                break;
            }
        }
    }
    fold(&raw)
}

/// Runs of white space become one space; the ends are trimmed.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn has_token(value: Option<&str>, token: &str) -> bool {
    value.is_some_and(|value| value.split_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

fn is_html_namespace(element: &scraper::node::Element) -> bool {
    &*element.name.ns == "http://www.w3.org/1999/xhtml"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &Page) -> Vec<&str> {
        page.blocks.iter().map(|block| block.text.as_str()).collect()
    }

    #[test]
    fn reads_blocks_in_order_with_headings() {
        let page = parse(
            "<html><head><title> Terms  of Use </title></head><body>\
             <h1>Terms of Use</h1><p>By using the  service\n you agree.</p>\
             <h2>1. Fees</h2><ul><li>You pay <b>monthly</b>.</li><li>No refunds.</li></ul>\
             </body></html>",
            None,
        );

        assert_eq!(page.title.as_deref(), Some("Terms of Use"));
        assert_eq!(
            texts(&page),
            [
                "Terms of Use",
                "By using the service you agree.",
                "1. Fees",
                "You pay monthly.",
                "No refunds."
            ]
        );
        assert_eq!(page.blocks[0].heading_level, Some(1));
        assert_eq!(page.blocks[2].heading_level, Some(2));
        assert_eq!(page.blocks[3].tag, "li");
        assert!(page.blocks.iter().enumerate().all(|(i, block)| block.index == i));
    }

    #[test]
    fn leaves_site_chrome_out() {
        let page = parse(
            "<body><header><a href=/>Home</a></header><nav>Menu</nav>\
             <div id=cookie-banner>We use cookies. <button>Accept</button></div>\
             <div role=navigation>Skip</div><script>var x = 1;</script>\
             <p>Real text.</p><ul><li><a href=/privacy>Privacy</a></li>\
             <li><a href=/terms>Terms</a></li></ul>\
             <aside>Related</aside><footer>Copyright</footer></body>",
            None,
        );

        assert_eq!(texts(&page), ["Real text."]);
    }

    #[test]
    fn keeps_header_and_footer_inside_an_article() {
        let page = parse(
            "<body><article><header><h1>Privacy Policy</h1></header><p>We collect data.</p>\
             <footer>Posted by Ann</footer></article></body>",
            None,
        );

        assert_eq!(texts(&page), ["Privacy Policy", "We collect data.", "Posted by Ann"]);
    }

    #[test]
    fn prefers_main_content() {
        let body = "<p>Some long paragraph of real content that matters.</p>".repeat(5);
        let html = format!("<body><div>Outside text here.</div><main>{body}</main></body>");
        let page = parse(&html, None);

        assert_eq!(page.blocks.len(), 5);
        assert!(texts(&page).iter().all(|text| text.starts_with("Some long")));
    }

    #[test]
    fn marks_collapsed_and_hidden_blocks() {
        let page = parse(
            "<body><details><summary>Section 2</summary><p>Folded text.</p></details>\
             <div class=accordion-body style='display: none'><p>Panel text.</p></div>\
             <p hidden>Hidden text.</p><p style='visibility:hidden'>Invisible.</p>\
             <p>Seen <span style=display:none>unseen</span>words.</p></body>",
            None,
        );

        let flags: Vec<_> =
            page.blocks.iter().map(|b| (b.text.as_str(), b.collapsed, b.hidden)).collect();
        assert_eq!(
            flags,
            [
                ("Section 2", false, false),
                ("Folded text.", true, false),
                ("Panel text.", true, false),
                ("Hidden text.", false, true),
                ("Invisible.", false, true),
                ("Seen words.", false, false),
            ]
        );
    }

    #[test]
    fn aria_hidden_hides_decoration_but_not_content_behind_a_menu() {
        let content = "<p>The content the reader sees once the menu closes.</p>".repeat(20);
        let html = format!(
            "<body><p>Price <span aria-hidden=true>★★★</span>shown.</p>\
             <div aria-hidden=true id=page>{content}</div></body>"
        );
        let page = parse(&html, None);

        assert_eq!(page.blocks[0].text, "Price shown.");
        assert_eq!(page.blocks.len(), 21);
        assert!(page.blocks.iter().all(|block| !block.hidden));
    }

    #[test]
    fn keeps_long_cookie_policy_content() {
        let policy = "<p>We use cookies to remember your settings and measure use.</p>".repeat(40);
        let html = format!("<body><div class=cookie-policy><h1>Cookie Policy</h1>{policy}</div>");
        let page = parse(&html, None);

        assert_eq!(page.blocks.len(), 41);
    }

    #[test]
    fn policy_sections_named_after_their_topic_are_content() {
        let page = parse(
            "<body><div class=cookie-notice>We use cookies.</div><main><h1>Privacy</h1>\
             <section id=cookies><h2>Cookies</h2><p>We track you across sites.</p></section>\
             <section id=gdpr-rights><h2>Rights</h2><p>We sell your data.</p></section>\
             <div class=cmp-text><p>Disputes go to arbitration.</p></div>\
             <div class=consent-terms><p>You consent to sharing.</p></div>\
             <div class=cookie-banner><h2>Our terms</h2><p>You waive class actions.</p></div>\
             </main></body>",
            None,
        );

        assert_eq!(
            texts(&page),
            [
                "Privacy",
                "Cookies",
                "We track you across sites.",
                "Rights",
                "We sell your data.",
                "Disputes go to arbitration.",
                "You consent to sharing.",
                "Our terms",
                "You waive class actions.",
            ]
        );
    }

    #[test]
    fn banners_are_named_by_role_position_or_tool() {
        let page = parse(
            "<body><div class=gdpr style='position: fixed'>We use cookies.</div>\
             <div role=dialog>Accept?</div><div id=onetrust-consent-sdk>Allow all</div>\
             <p>Real text.</p></body>",
            None,
        );

        assert_eq!(texts(&page), ["Real text."]);
    }

    #[test]
    fn two_line_breaks_end_a_block() {
        let page = parse("<body><div>One<br>line<br><br>Two</div></body>", None);

        assert_eq!(texts(&page), ["One line", "Two"]);
    }

    #[test]
    fn reads_title_and_address_from_metadata() {
        let page = parse(
            "<head><meta property='og:title' content='Our Terms'>\
             <link rel=canonical href='https://example.com/legal/terms'></head><body>x</body>",
            None,
        );

        assert_eq!(page.title.as_deref(), Some("Our Terms"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/legal/terms"));
    }

    #[test]
    fn a_heading_button_keeps_its_text() {
        let page = parse("<h3><button aria-expanded=false>Refunds</button></h3>", None);

        assert_eq!(texts(&page), ["Refunds"]);
        assert_eq!(page.blocks[0].heading_level, Some(3));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 10_000;
        let html = format!("{}deep text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let page = parse(&html, None);

        assert_eq!(texts(&page), ["deep text"]);
    }
}
