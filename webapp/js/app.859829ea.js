// Groundup's home page script: a module, so it runs after the page is parsed.
// It asks the server's first feature for its greeting and shows the answer.
const status = document.querySelector("#live-status");

async function checkHello() {
  try {
    const response = await fetch("hello", { headers: { Accept: "text/html" } });
    const text = (await response.text()).trim();
    status.dataset.state = response.ok ? "ok" : "failed";
    status.textContent = response.ok ? `The server says: ${text}` : `/hello answered ${response.status}`;
  } catch (error) {
    status.dataset.state = "failed";
    status.textContent = "The server did not answer /hello.";
  }
}

if (status) {
  checkHello();
}
