//! A small reader for the gateway's flat XML answers: a root element whose
//! children hold text (`<Error><Code>…</Code>…</Error>`,
//! `<CreateSmartAccessGatewaySoftwareResponse><OrderId>…</OrderId>…`).
//!
//! What it never does, whatever the body says: expand an entity other than the
//! five predefined ones (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) and numeric
//! character references; read a DOCTYPE (a body with one is refused, so no
//! internal or external entity, DTD or schema is ever looked at); fetch anything;
//! recurse (it is one loop, with the element depth capped at [`MAX_DEPTH`]).

/// Deepest element nesting read, as serde_json's recursion limit for JSON.
pub const MAX_DEPTH: usize = 128;

/// Why a body is not readable XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XmlError {
    /// `<!DOCTYPE …>`: refused, never read.
    Doctype,
    /// `&name;` other than the five predefined entities.
    Entity,
    /// Elements nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Anything else: truncated, mismatched tags, text outside the root.
    Malformed,
}

/// The root's name and its child elements: (name, text), the text `None` when
/// the child holds elements of its own. Children in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flat {
    pub root: String,
    pub children: Vec<(String, Option<String>)>,
}

impl Flat {
    /// The text of the last child named `name` (the last wins, as in the JSON reader).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.children.iter().rev().find(|(n, _)| n == name).and_then(|(_, t)| t.as_deref())
    }

    pub fn has(&self, name: &str) -> bool {
        self.children.iter().any(|(n, _)| n == name)
    }
}

struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.at..).unwrap_or_default()
    }

    fn starts(&self, p: &str) -> bool {
        self.rest().starts_with(p)
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    }

    /// Moves past the next `end`, or fails when there is none (a truncated body).
    fn skip_past(&mut self, end: &str) -> Result<&'a str, XmlError> {
        let rest = self.rest();
        let i = rest.find(end).ok_or(XmlError::Malformed)?;
        self.at += i + end.len();
        Ok(rest.get(..i).unwrap_or_default())
    }

    /// A comment, processing instruction or DOCTYPE at the cursor: skipped
    /// (true), refused, or not there (false).
    fn misc(&mut self) -> Result<bool, XmlError> {
        if self.starts("<!--") {
            self.at += 4;
            self.skip_past("-->")?;
            Ok(true)
        } else if self.starts("<?") {
            self.at += 2;
            self.skip_past("?>")?;
            Ok(true)
        } else if self.rest().get(..9).is_some_and(|p| p.eq_ignore_ascii_case("<!DOCTYPE")) {
            Err(XmlError::Doctype)
        } else {
            Ok(false)
        }
    }

    /// A tag's name and whether it closes itself (`<a/>`); the cursor past its `>`.
    /// Attributes are skipped (quoted values may hold `>`).
    fn tag(&mut self) -> Result<(&'a str, bool), XmlError> {
        let rest = self.rest();
        let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').ok_or(XmlError::Malformed)?;
        let name = rest.get(..end).unwrap_or_default();
        if name.is_empty() || name.contains(['<', '&', '"', '\'', '=']) {
            return Err(XmlError::Malformed);
        }
        self.at += end;
        let mut quote: Option<char> = None;
        let mut last = ' ';
        for (i, c) in self.rest().char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '<') => return Err(XmlError::Malformed),
                (None, '>') => {
                    self.at += i + 1;
                    return Ok((name, last == '/'));
                }
                _ => {}
            }
            if !c.is_ascii_whitespace() {
                last = c;
            }
        }
        Err(XmlError::Malformed)
    }
}

/// Reads `body` (already UTF-8) as a flat XML document.
pub fn read(body: &str) -> Result<Flat, XmlError> {
    let mut c = Cursor { s: body, at: 0 };
    // Prolog: declaration, comments, processing instructions; a DOCTYPE is refused.
    loop {
        c.skip_ws();
        if !c.misc()? {
            break;
        }
    }
    if !c.starts("<") {
        return Err(XmlError::Malformed);
    }
    c.at += 1;
    let (root, empty) = c.tag()?;
    let mut flat = Flat { root: root.to_owned(), children: Vec::new() };
    if !empty {
        content(&mut c, root, &mut flat)?;
    }
    // Epilog: only white space, comments and processing instructions.
    loop {
        c.skip_ws();
        if c.rest().is_empty() {
            return Ok(flat);
        }
        if !c.misc()? {
            return Err(XmlError::Malformed);
        }
    }
}

/// The root's content, up to and past `</root>`.
fn content<'a>(c: &mut Cursor<'a>, root: &'a str, flat: &mut Flat) -> Result<(), XmlError> {
    // Open elements below the root; the child being read is `stack[0]`.
    let mut stack: Vec<&'a str> = Vec::new();
    // The text of the child being read; `None` once it holds an element.
    let mut text: Option<String> = None;
    loop {
        let rest = c.rest();
        let lt = rest.find('<').ok_or(XmlError::Malformed)?;
        let chunk = rest.get(..lt).unwrap_or_default();
        // Text beside the children (white space in practice) is not kept, but
        // its references must be well formed all the same.
        let mut scratch = String::new();
        let into = match (stack.len(), text.as_mut()) {
            (1, Some(t)) => t,
            _ => &mut scratch,
        };
        unescape_into(chunk, into)?;
        c.at += lt;
        if c.starts("<![CDATA[") {
            c.at += 9;
            let raw = c.skip_past("]]>")?;
            if let (1, Some(t)) = (stack.len(), text.as_mut()) {
                t.push_str(raw);
            }
        } else if c.starts("</") {
            c.at += 2;
            let (name, _) = c.tag()?;
            match stack.pop() {
                Some(open) if open == name => {
                    if stack.is_empty() {
                        flat.children.push((name.to_owned(), text.take().map(|t| t.trim_matches([' ', '\t', '\r', '\n']).to_owned())));
                    }
                }
                None if name == root => return Ok(()),
                _ => return Err(XmlError::Malformed),
            }
        } else if c.misc()? {
        } else if c.starts("<!") {
            return Err(XmlError::Malformed);
        } else {
            c.at += 1;
            let (name, empty) = c.tag()?;
            if stack.len() + 1 >= MAX_DEPTH {
                return Err(XmlError::TooDeep);
            }
            if stack.is_empty() {
                if empty {
                    flat.children.push((name.to_owned(), Some(String::new())));
                    continue;
                }
                text = Some(String::new());
            } else if stack.len() == 1 {
                // The child holds an element: it is not a text field.
                text = None;
            }
            if !empty {
                stack.push(name);
            }
        }
    }
}

/// Appends `s` with its references resolved: the five predefined entities and
/// numeric character references only; anything else is an error, never expanded.
fn unescape_into(s: &str, out: &mut String) -> Result<(), XmlError> {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after.find(';').filter(|&i| i <= 12).ok_or(XmlError::Malformed)?;
        let name = after.get(..semi).unwrap_or_default();
        let c = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => match name.strip_prefix('#') {
                Some(num) => {
                    let code = match num.strip_prefix('x') {
                        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).ok(),
                        None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => num.parse::<u32>().ok(),
                        _ => None,
                    };
                    code.filter(|&n| n != 0).and_then(char::from_u32).ok_or(XmlError::Malformed)?
                }
                None if !name.is_empty() && !name.contains(|c: char| c.is_whitespace() || c == '&') => return Err(XmlError::Entity),
                None => return Err(XmlError::Malformed),
            },
        };
        out.push(c);
        rest = after.get(semi + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(())
}
