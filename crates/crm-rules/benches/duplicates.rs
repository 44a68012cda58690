//! CAD-5: the duplicate finder must scale to a whole CRM without comparing every pair.
//!
//! `cargo bench -p crm-rules --bench duplicates`: Criterion, 10 000 synthetic records
//! (build the index, one `candidates_for`, `all_candidates`).
//!
//! `CRM_DUP_N=1000000 cargo bench -p crm-rules --bench duplicates`: the scale run —
//! generates N accounts with a fixed seed, plants duplicate pairs (N/40, typos,
//! accents, word order, phone and document spellings, e-mail case) and families that
//! share a phone but are not duplicates (N/100), then reports build and query times,
//! peak memory (VmHWM) and precision/recall against the planted pairs.
//! `CRM_DUP_DUMP=FILE` also writes the records and planted pairs as JSON, for
//! `bindings/python/bench_duplicates.py` and `bindings/wasm/bench_duplicates.mjs`.
//! `CRM_DUP_POLICY=names` uses a policy where a similar name alone is a candidate
//! (name weight 0.5), so the name blocks are used too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, Criterion};
use crm_rules::duplicates::{DuplicateIndex, DuplicateRecord};
use crm_rules::DuplicatesPolicy;

/// SplitMix64: a small, fixed-seed generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "João",
    "Maria",
    "José",
    "Ana",
    "Antônio",
    "Francisca",
    "Carlos",
    "Paulo",
    "Pedro",
    "Lucas",
    "Luiz",
    "Marcos",
    "Luís",
    "Gabriel",
    "Rafael",
    "Daniel",
    "Marcelo",
    "Bruno",
    "Eduardo",
    "Felipe",
    "Raimundo",
    "Rodrigo",
    "Manoel",
    "Mateus",
    "André",
    "Fernando",
    "Fábio",
    "Leonardo",
    "Gustavo",
    "Guilherme",
    "Leandro",
    "Tiago",
    "Anderson",
    "Ricardo",
    "Márcio",
    "Jorge",
    "Sebastião",
    "Alexandre",
    "Roberto",
    "Edson",
    "Diego",
    "Vitor",
    "Sérgio",
    "Cláudio",
    "Matheus",
    "Thiago",
    "Geraldo",
    "Adriano",
    "Luciano",
    "Júlio",
    "Renato",
    "Alex",
    "Vinícius",
    "Rogério",
    "Samuel",
    "Ronaldo",
    "Mário",
    "Flávio",
    "Douglas",
    "Igor",
    "Davi",
    "Manuel",
    "Jefferson",
    "Cícero",
    "Victor",
    "Miguel",
    "Robson",
    "Mauro",
    "Danilo",
    "Joaquim",
    "Caio",
    "Otávio",
    "Adriana",
    "Juliana",
    "Márcia",
    "Fernanda",
    "Patrícia",
    "Aline",
    "Sandra",
    "Camila",
    "Amanda",
    "Bruna",
    "Jéssica",
    "Letícia",
    "Júlia",
    "Luciana",
    "Vanessa",
    "Mariana",
    "Gabriela",
    "Vera",
    "Vitória",
    "Larissa",
    "Cláudia",
    "Beatriz",
    "Luana",
    "Rita",
    "Sônia",
    "Renata",
    "Eliane",
    "Josefa",
    "Simone",
    "Natália",
    "Cristiane",
    "Carla",
    "Débora",
    "Rosângela",
    "Jaqueline",
    "Rosa",
    "Daniela",
    "Aparecida",
    "Marlene",
    "Terezinha",
    "Raimunda",
    "Andréia",
    "Fabiana",
    "Lúcia",
    "Raquel",
    "Ângela",
    "Rafaela",
    "Joana",
    "Luzia",
    "Elaine",
    "Daniele",
    "Regina",
    "Daiane",
    "Cristina",
    "Valéria",
    "Lourdes",
    "Sabrina",
    "Isabel",
    "Tatiane",
    "Heloísa",
    "Cecília",
    "Lívia",
    "Yasmin",
    "Emanuelly",
    "Helena",
    "Alícia",
    "Valentina",
    "Laís",
    "Cauê",
];
const LAST: &[&str] = &[
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Pinto",
    "Correia",
    "Cavalcanti",
    "Monteiro",
    "Moura",
    "Batista",
    "Rezende",
    "Campos",
    "Cunha",
    "Reis",
    "Brito",
    "Mello",
    "Magalhães",
    "Conceição",
    "Simões",
    "Brandão",
    "Sampaio",
    "Peixoto",
    "Assunção",
    "Guimarães",
    "Figueiredo",
    "Queiroz",
    "Barros",
    "Pires",
    "Castro",
    "Farias",
    "Azevedo",
    "Siqueira",
    "Coelho",
    "Xavier",
    "Borges",
    "Macedo",
    "Tavares",
    "Fonseca",
    "Medeiros",
    "Vasconcelos",
    "Aragão",
    "Falcão",
    "Quintão",
    "Leão",
    "Frazão",
    "Galvão",
];
const PARTICLES: &[&str] = &["da", "de", "do", "dos", "das"];
const DDDS: &[u64] = &[11, 12, 19, 21, 27, 31, 41, 47, 48, 51, 61, 62, 71, 81, 85, 91, 92, 98];
const DOMAINS: &[&str] =
    &["gmail.com", "hotmail.com", "outlook.com.br", "uol.com.br", "adv.oabsp.org.br", "yahoo.com.br"];

fn check_digit(digits: &[u64], weights: impl Iterator<Item = u64>) -> u64 {
    let s: u64 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    let r = s % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

fn digits_of(mut n: u64, len: usize) -> Vec<u64> {
    let mut d = vec![0; len];
    for slot in d.iter_mut().rev() {
        *slot = n % 10;
        n /= 10;
    }
    d
}

fn cpf(base: u64) -> String {
    let mut d = digits_of(base, 9);
    let c1 = check_digit(&d, (2..=10).rev());
    d.push(c1);
    let c2 = check_digit(&d, (2..=11).rev());
    d.push(c2);
    d.iter().map(|x| x.to_string()).collect()
}

fn cnpj(base: u64) -> String {
    let mut d = digits_of(base, 12);
    let w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let c1 = check_digit(&d, w1.into_iter());
    d.push(c1);
    let w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let c2 = check_digit(&d, w2.into_iter());
    d.push(c2);
    d.iter().map(|x| x.to_string()).collect()
}

fn mask(doc: &str) -> String {
    if doc.len() == 11 {
        format!("{}.{}.{}-{}", &doc[0..3], &doc[3..6], &doc[6..9], &doc[9..])
    } else {
        format!("{}.{}.{}/{}-{}", &doc[0..2], &doc[2..5], &doc[5..8], &doc[8..12], &doc[12..])
    }
}

fn unmask(doc: &str) -> String {
    doc.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// `(DDD) 9XXXX-XXXX`, from an injective number so that unrelated accounts never share.
fn phone(ddd: u64, sub: u64) -> String {
    format!("({ddd}) 9{:04}-{:04}", sub / 10_000, sub % 10_000)
}

/// "(11) 98765-4321" ⇄ "+55 11 987654321".
fn respell_phone(p: &str) -> String {
    let d: String = p.chars().filter(char::is_ascii_digit).collect();
    if p.starts_with('+') {
        let local = &d[2..];
        format!("({}) {}-{}", &local[..2], &local[2..7], &local[7..])
    } else {
        format!("+55 {} {}", &d[..2], &d[2..])
    }
}

fn slug(name: &str) -> String {
    crm_rules::identifiers::search_key(name).replace(' ', ".")
}

fn person_name(rng: &mut Rng) -> String {
    let mut words = vec![rng.pick(FIRST).to_owned()];
    if rng.chance(40) {
        words.push(rng.pick(FIRST).to_owned());
    }
    for _ in 0..1 + rng.below(2) {
        if rng.chance(30) {
            words.push(rng.pick(PARTICLES).to_owned());
        }
        words.push(rng.pick(LAST).to_owned());
    }
    words.join(" ")
}

/// One typo: substitution, deletion, insertion or transposition of neighbours.
fn typo(rng: &mut Rng, name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let letters: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].is_alphabetic()).collect();
    let i = letters[rng.below(letters.len())];
    let letter = (b'a' + rng.below(26) as u8) as char;
    match rng.below(4) {
        0 => chars[i] = letter,
        1 if chars.len() > 4 => {
            chars.remove(i);
        }
        2 => chars.insert(i, letter),
        _ if i + 1 < chars.len() && chars[i + 1].is_alphabetic() => chars.swap(i, i + 1),
        _ => chars[i] = letter,
    }
    chars.into_iter().collect()
}

/// The same account typed again by someone else.
fn retype(rng: &mut Rng, original: &DuplicateRecord, id: String) -> DuplicateRecord {
    let mut name = original.name.clone();
    if rng.chance(50) {
        name = crm_rules::identifiers::search_key(&name); // accents and case gone
    }
    if rng.chance(40) {
        let mut words: Vec<&str> = name.split(' ').filter(|w| !PARTICLES.contains(w)).collect();
        words.rotate_left(1); // "Silva, João"-style reordering, particles dropped
        name = words.join(" ");
    }
    if rng.chance(20) {
        name = name.to_uppercase();
    }
    let typos = match rng.below(10) {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    for _ in 0..typos {
        name = typo(rng, &name);
    }
    // Keep a random non-empty subset of the identifiers, spelled differently.
    loop {
        let document = original.document.as_ref().filter(|_| rng.chance(60)).map(|d| {
            if d.contains(['.', '/', '-']) {
                unmask(d)
            } else {
                mask(d)
            }
        });
        let emails: Vec<String> = original.emails.iter().filter(|_| rng.chance(50)).map(|e| e.to_uppercase()).collect();
        let phones: Vec<String> = original.phones.iter().filter(|_| rng.chance(60)).map(|p| respell_phone(p)).collect();
        if document.is_some() || !emails.is_empty() || !phones.is_empty() {
            return DuplicateRecord { id, name, document, emails, phones };
        }
    }
}

struct Data {
    records: Vec<DuplicateRecord>,
    planted: HashSet<(String, String)>,
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

/// `n` accounts (seed fixed): `n/40` planted duplicate pairs, `n/100` family members
/// sharing a phone (and usually a surname) who are not duplicates.
fn generate(n: usize, seed: u64) -> Data {
    let mut rng = Rng(seed);
    let planted_pairs = n / 40;
    let families = n / 100;
    let base = n - planted_pairs - families;
    let mut records = Vec::with_capacity(n);
    for i in 0..base as u64 {
        let name = person_name(&mut rng);
        // Injective in i (multipliers coprime with the moduli): unrelated accounts never share keys.
        let doc_base = (i * 7_654_321 + 12_345) % 1_000_000_000;
        let document = match rng.below(10) {
            0..=6 => Some(cpf(doc_base)),
            7 => Some(cnpj(doc_base * 1000 + 1)),
            _ => None,
        }
        .map(|d| if rng.chance(50) { mask(&d) } else { d });
        let emails = if rng.chance(80) { vec![format!("{}{}@{}", slug(&name), i, rng.pick(DOMAINS))] } else { vec![] };
        let sub = (i * 3_141_593 + 271_828) % 100_000_000;
        let ddd = DDDS[rng.below(DDDS.len())];
        let phones = if rng.chance(85) { vec![phone(ddd, sub)] } else { vec![] };
        records.push(DuplicateRecord { id: format!("acc{i:07}"), name, document, emails, phones });
    }
    let mut planted = HashSet::with_capacity(planted_pairs);
    let mut used = HashSet::with_capacity(planted_pairs);
    let mut next_id = base;
    while planted.len() < planted_pairs {
        let o = rng.below(base);
        let r = &records[o];
        if (r.document.is_none() && r.emails.is_empty() && r.phones.is_empty()) || !used.insert(o) {
            continue;
        }
        let id = format!("acc{next_id:07}");
        next_id += 1;
        let copy = retype(&mut rng, &records[o], id);
        planted.insert(pair(&records[o].id, &copy.id));
        records.push(copy);
    }
    let mut made = 0;
    while made < families {
        let o = rng.below(base);
        let Some(shared) = records[o].phones.first().cloned() else { continue };
        made += 1;
        let surname = records[o].name.rsplit(' ').next().unwrap_or("Silva").to_owned();
        let name = format!("{} {}", rng.pick(FIRST), surname);
        let id = format!("acc{next_id:07}");
        next_id += 1;
        records.push(DuplicateRecord { id, name, document: None, emails: vec![], phones: vec![shared] });
    }
    // Shuffle so that copies are not next to their originals.
    for i in (1..records.len()).rev() {
        let j = rng.below(i + 1);
        records.swap(i, j);
    }
    Data { records, planted }
}

fn policy_from_env() -> DuplicatesPolicy {
    let mut p = DuplicatesPolicy::default();
    if std::env::var("CRM_DUP_POLICY").as_deref() == Ok("names") {
        p.weights.name = 0.5;
    }
    p
}

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "n/a".to_owned())
}

fn scale(n: usize) {
    let policy = policy_from_env();
    let t = Instant::now();
    let data = generate(n, 0x00C0_FFEE);
    println!(
        "generated {} records, {} planted pairs in {:.2?} (VmHWM {})",
        data.records.len(),
        data.planted.len(),
        t.elapsed(),
        vm_hwm()
    );
    if let Ok(path) = std::env::var("CRM_DUP_DUMP") {
        // The same data for the Python and JS benchmarks (bindings/*/bench_duplicates.*).
        let planted: Vec<&(String, String)> = data.planted.iter().collect();
        let json = serde_json::json!({"records": data.records, "planted": planted});
        std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
        println!("wrote {path}");
    }
    let t = Instant::now();
    let index = DuplicateIndex::build(&data.records, &policy);
    let build = t.elapsed();
    println!("build: {build:.2?} (VmHWM {})", vm_hwm());
    let t = Instant::now();
    let all = index.all_candidates();
    let query = t.elapsed();
    println!("all_candidates: {query:.2?}, {} pairs (VmHWM {})", all.len(), vm_hwm());
    let queries = 10_000.min(data.records.len());
    let t = Instant::now();
    let mut hits = 0;
    for r in data.records.iter().take(queries) {
        hits += black_box(index.candidates_for(r)).len();
    }
    let per_query = t.elapsed() / queries as u32;
    println!("candidates_for: {per_query:.2?} per query ({queries} queries, {hits} hits)");
    let found: HashSet<(String, String)> = all.iter().map(|c| (c.a.clone(), c.b.clone())).collect();
    let true_pos = found.intersection(&data.planted).count();
    let precision = if found.is_empty() { 1.0 } else { true_pos as f64 / found.len() as f64 };
    let recall = true_pos as f64 / data.planted.len().max(1) as f64;
    println!(
        "precision {precision:.4} ({true_pos}/{}), recall {recall:.4} ({true_pos}/{})",
        found.len(),
        data.planted.len()
    );
    let mut false_by_fields = std::collections::BTreeMap::<String, usize>::new();
    for c in all.iter().filter(|c| !data.planted.contains(&(c.a.clone(), c.b.clone()))) {
        *false_by_fields.entry(c.matched.join("+")).or_default() += 1;
    }
    println!("pairs found that were not planted, by matched fields: {false_by_fields:?}");
    // Why the missed pairs were missed: what the copy still shares with its original.
    let by_id: std::collections::HashMap<&str, &DuplicateRecord> =
        data.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut shares = std::collections::BTreeMap::<String, usize>::new();
    for (a, b) in data.planted.difference(&found) {
        let (x, y) = (by_id[a.as_str()], by_id[b.as_str()]);
        let norm = |r: &DuplicateRecord| {
            let d = r.document.as_deref().and_then(crm_rules::identifiers::document_key);
            let e: HashSet<String> =
                r.emails.iter().filter_map(|e| crm_rules::identifiers::normalize_email(e).ok()).collect();
            let p: HashSet<String> =
                r.phones.iter().filter_map(|p| crm_rules::identifiers::normalize_phone(p).ok()).collect();
            (d, e, p)
        };
        let ((dx, ex, px), (dy, ey, py)) = (norm(x), norm(y));
        let mut what = Vec::new();
        if dx.is_some() && dx == dy {
            what.push("document");
        }
        if !ex.is_disjoint(&ey) {
            what.push("email");
        }
        if !px.is_disjoint(&py) {
            what.push("phone");
        }
        *shares.entry(if what.is_empty() { "nothing".to_owned() } else { what.join("+") }).or_default() += 1;
    }
    println!("missed pairs by the keys they share (name not similar enough to add its weight): {shares:?}");
    println!("build + all_candidates: {:.2?}; peak memory (VmHWM, whole process): {}", build + query, vm_hwm());
}

fn bench(c: &mut Criterion) {
    let data = generate(10_000, 7);
    let policy = DuplicatesPolicy::default();
    let index = DuplicateIndex::build(&data.records, &policy);
    let mut g = c.benchmark_group("duplicates_10k");
    g.sample_size(10);
    g.bench_function("build", |b| b.iter(|| DuplicateIndex::build(black_box(&data.records), &policy)));
    g.bench_function("candidates_for", |b| b.iter(|| index.candidates_for(black_box(&data.records[17]))));
    g.bench_function("all_candidates", |b| b.iter(|| index.all_candidates()));
    g.finish();
}

criterion_group!(benches, bench);

fn main() {
    if let Some(n) = std::env::var("CRM_DUP_N").ok().and_then(|v| v.replace('_', "").parse().ok()) {
        scale(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
