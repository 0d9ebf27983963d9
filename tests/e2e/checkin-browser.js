// Opens the check-in page in a real browser (Debian chromium through playwright-core) with the geolocation permission granted
// and the device placed where the test says, presses the buttons it names, and prints what the page said after each, as JSON.
// stdin: {"url": "...", "latitude": 31.2, "longitude": 120.5, "accuracy": 12, "press": ["in", "out"], "screenshot": "/tmp/a.png"}
const { chromium } = require('playwright-core');

(async () => {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 700 },   // a phone
      geolocation: { latitude: job.latitude, longitude: job.longitude, accuracy: job.accuracy },
      permissions: job.denied ? [] : ['geolocation'],
      locale: job.locale || 'en-US',
    });
    const page = await context.newPage();
    const response = await page.goto(job.url);
    const said = [{ step: 'open', status: response.status(), text: await page.locator('body').innerText() }];
    for (const button of job.press || []) {
      const before = await page.locator('#status').innerText();
      await page.click('#' + button);
      await page.waitForFunction(
        b => { const s = document.getElementById('status'); return s && s.textContent !== b && /\b(ok|flag)\b/.test(s.className); },
        before, { timeout: 20000 });
      said.push({ step: button, text: await page.locator('#status').innerText(), kind: await page.locator('#status').getAttribute('class') });
    }
    if (job.screenshot) await page.screenshot({ path: job.screenshot, fullPage: true });
    process.stdout.write(JSON.stringify(said));
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
