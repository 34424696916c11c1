//! The `termwatch` command as a user meets it: the sample terms page, the JSON shape tools rely
//! on, and the exit codes.

use std::process::{Command, Output};

fn termwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termwatch")).args(args).output().expect("runs termwatch")
}

fn sample_json() -> serde_json::Value {
    let output = termwatch(&["analyze", "--format", "json", "samples/lumenfold-terms.html"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("analyze prints JSON")
}

/// Runs `termwatch classify` on `input`: its output lines as JSON, and how long it took.
fn classify(input: &str) -> (Vec<serde_json::Value>, std::time::Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termwatch"))
        .arg("classify")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs termwatch");

    let started = std::time::Instant::now();
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), input.as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("finishes");
    let took = started.elapsed();

    let lines = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    (lines, took)
}

fn categories(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings is a list")
        .iter()
        .map(|finding| finding["category"].as_str().expect("category is a string").to_string())
        .collect()
}

#[test]
fn the_sample_terms_page_is_a_graded_terms_of_service() {
    let report = sample_json();

    assert_eq!(report["document"]["kind"], "terms_of_service");
    assert_eq!(report["document"]["is_terms"], true);
    assert_eq!(report["document"]["language"], "en");
    assert!(report["grade"]["letter"].is_string());
}

#[test]
fn the_sample_page_carries_its_dispute_and_ai_clauses() {
    let found = categories(&sample_json());

    for expected in [
        "arbitration",
        "arbitration_opt_out",
        "class_action_waiver",
        "jury_trial_waiver",
        "choice_of_law",
        "limitation_of_liability",
        "ai_training_on_user_data",
        "ai_use_restriction",
        "no_data_sale",
    ] {
        assert!(found.iter().any(|category| category == expected), "{expected} in {found:?}");
    }
}

#[test]
fn facts_are_read_from_the_clauses_that_state_them() {
    let report = sample_json();
    let findings = report["findings"].as_array().expect("findings is a list");
    let fact = |category: &str, name: &str| {
        findings
            .iter()
            .filter(|finding| finding["category"] == category)
            .find_map(|finding| finding["facts"].get(name).cloned())
    };

    assert_eq!(fact("arbitration_opt_out", "days"), Some(serde_json::json!(30)));
    assert_eq!(fact("age_requirement", "min_age"), Some(serde_json::json!(16)));
    assert_eq!(fact("choice_of_law", "law"), Some(serde_json::json!("Delaware")));
}

#[test]
fn every_quote_is_the_page_text_at_its_span() {
    let report = sample_json();

    for finding in report["findings"].as_array().expect("findings is a list") {
        let start = finding["start"].as_u64().expect("start") as usize;
        let end = finding["end"].as_u64().expect("end") as usize;
        let quote = finding["quote"].as_str().expect("quote");
        assert!(start < end, "empty span for {quote}");
        assert_eq!(quote.encode_utf16().count(), end - start, "UTF-16 length of {quote}");
    }
}

#[test]
fn a_missing_file_is_one_line_naming_it_and_exit_1() {
    let output = termwatch(&["analyze", "no/such/file.html"]);

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no/such/file.html"), "{stderr}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(termwatch(&["analyze"]).status.code(), Some(2));
    assert_eq!(termwatch(&["analyze", "--format", "pdf", "x.html"]).status.code(), Some(2));
    assert_eq!(termwatch(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn text_and_markdown_reports_lead_with_the_grade() {
    let text = termwatch(&["analyze", "samples/lumenfold-terms.html"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Grade "), "{text}");
    assert!(text.contains("HIGH RISK"), "{text}");

    let markdown = termwatch(&["analyze", "--format", "markdown", "samples/lumenfold-terms.html"]);
    let markdown = String::from_utf8_lossy(&markdown.stdout);
    assert!(markdown.starts_with("# "), "{markdown}");
    assert!(markdown.contains("## High risk"), "{markdown}");
}

#[test]
fn classify_keeps_one_output_line_per_input_line() {
    let input = "We do not sell your personal information.\n\nYou must be at least 13 years old.\n";
    let (lines, _) = classify(input);

    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["categories"], serde_json::json!(["no_data_sale"]));
    assert_eq!(lines[1]["categories"], serde_json::json!([]));
    assert_eq!(lines[2]["categories"], serde_json::json!(["age_requirement"]));
}

#[test]
fn a_reader_that_leaves_early_ends_the_output_without_a_panic() {
    use std::io::Write;
    use std::process::Stdio;

    let clause = "We may terminate your account at any time, for any reason, without notice.\n\n";
    let page = clause.repeat(3_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_termwatch"))
        .args(["analyze", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs termwatch");

    // Close our end of standard output before reading anything, as `| head -c 0` would.
    drop(child.stdout.take());
    child.stdin.take().expect("stdin is piped").write_all(page.as_bytes()).expect("writes");
    let output = child.wait_with_output().expect("termwatch ends");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn classify_reads_a_whole_pasted_page_on_one_line_quickly() {
    let sentence = "We may terminate your account at any time; you waive any jury trial. ";
    let line = sentence.repeat(6_000) + "\nWe do not sell your personal information.\n";
    let (lines, took) = classify(&line);

    // Loose, wall-clock: reading the line whole took tens of seconds.
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    assert_eq!(lines.len(), 2);
    let first = lines[0]["categories"].as_array().expect("a list");
    assert!(first.contains(&serde_json::json!("unilateral_termination")), "{first:?}");
    assert!(first.contains(&serde_json::json!("jury_trial_waiver")), "{first:?}");
    assert_eq!(lines[1]["categories"], serde_json::json!(["no_data_sale"]));
}

#[test]
fn markdown_on_standard_input_reads_as_the_same_markdown_file() {
    use std::io::Write;

    let markdown = "# Terms\n\n## 1. Account\n\nWe may close your account at any time. See our \
                    [privacy policy](https://x.example/privacy).\n\n## 2. Disputes\n\n\
                    Any dispute goes to binding arbitration.\n";
    let path = std::env::temp_dir().join(format!("termwatch-stdin-{}.md", std::process::id()));
    std::fs::write(&path, markdown).expect("write the page");

    let mut child = Command::new(env!("CARGO_BIN_EXE_termwatch"))
        .args(["diff", "--format", "json"])
        .arg(&path)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs termwatch");
    child.stdin.take().expect("stdin").write_all(markdown.as_bytes()).expect("write stdin");
    let output = child.wait_with_output().expect("termwatch ends");
    std::fs::remove_file(&path).ok();

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("diff prints JSON");
    assert_eq!(report["verdict"], "identical", "{stdout}");
}
