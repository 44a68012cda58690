// Minimal page: asks crm-rules (pkg-web build) for a new agendamento's deadline.
import init, { createAgendamento } from "../../bindings/wasm/pkg-web/crm_rules.js";

const $ = (id) => document.getElementById(id);

/** "2024-11-22" → "22/11/2024 (sexta-feira)" */
function formatDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d))
    .toLocaleDateString("pt-BR", { weekday: "long", timeZone: "UTC" });
  return `${iso.split("-").reverse().join("/")} (${weekday})`;
}

function show(kind, status, deadline, maximum, reasons) {
  const result = $("result");
  result.className = kind;
  $("status").textContent = status;
  $("out-deadline").textContent = deadline;
  $("out-maximum").textContent = maximum;
  $("reasons").replaceChildren(...reasons.map((r) => {
    const li = document.createElement("li");
    const tag = document.createElement("span");
    tag.className = "rule";
    tag.textContent = r.rule;
    li.append(tag, " ", r.message_pt);
    return li;
  }));
  result.hidden = false;
}

function compute(event) {
  event.preventDefault();
  const deadline = $("deadline").value;
  try {
    const { outcome, reasons } = createAgendamento({
      kind: $("kind").value,
      subject: "exemplo",
      owner: "web",
      created_on: $("created_on").value,
      ...(deadline ? { deadline } : {}),
    });
    const shown = outcome.agendamento?.deadline ?? deadline;
    show(
      outcome.accepted ? "accepted" : "refused",
      outcome.accepted ? "Aceito" : "Recusado: o prazo pedido passa do máximo",
      formatDate(shown),
      formatDate(outcome.maximum),
      reasons,
    );
  } catch (e) {
    const where = e.path ? ` (campo ${e.path})` : "";
    show("error", `Erro ${e.code ?? e.name}${where}: ${e.message}`, "—", "—", []);
  }
}

await init();
$("created_on").value = new Date().toISOString().slice(0, 10);
$("form").addEventListener("submit", compute);
$("compute").disabled = false;
document.body.dataset.ready = "true";
