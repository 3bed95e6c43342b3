import { ROLE_LABELS } from '@domain/roles';
import type { DemoPersona } from '../seed/demo-data';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · 枫桥邻警 本地模式</title>
<style>
  :root { --primary:#1a4fa3; --text:#1f2329; --muted:#5c6470; --bg:#f4f6fa; }
  * { box-sizing:border-box; }
  body { margin:0; font:17px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif; color:var(--text); background:var(--bg); }
  header { background:var(--primary); color:#fff; padding:20px 16px 16px; }
  header h1 { margin:0; font-size:22px; }
  header p { margin:6px 0 0; font-size:15px; opacity:.92; }
  main { padding:12px 16px 32px; max-width:640px; margin:0 auto; }
  .note { background:#fff7e6; border:1px solid #f0c36d; border-radius:10px; padding:10px 12px; font-size:15px; color:#6b4a00; }
  form.persona { margin:12px 0 0; }
  button.card { width:100%; text-align:left; background:#fff; border:1px solid #d6dbe3; border-radius:12px; padding:14px 16px; min-height:64px; font:inherit; color:inherit; cursor:pointer; }
  button.card:hover, button.card:focus { border-color:var(--primary); outline:2px solid var(--primary); }
  .label { font-size:18px; font-weight:600; }
  .role { display:inline-block; margin-left:8px; font-size:13px; color:var(--primary); border:1px solid var(--primary); border-radius:999px; padding:0 8px; vertical-align:2px; }
  .desc { display:block; color:var(--muted); font-size:15px; margin-top:2px; }
  table { width:100%; border-collapse:collapse; background:#fff; font-size:14px; }
  th, td { border:1px solid #d6dbe3; padding:6px 8px; text-align:left; vertical-align:top; }
  pre { margin:0; white-space:pre-wrap; word-break:break-all; }
</style></head><body>${body}</body></html>`;

export function signInPage(personas: DemoPersona[], next: string, signedInAs?: string): string {
  const cards = personas
    .map(
      (persona) => `<form class="persona" method="post" action="/__local/sign-in">
  <input type="hidden" name="persona" value="${escapeHtml(persona.key)}"><input type="hidden" name="next" value="${escapeHtml(next)}">
  <button class="card" type="submit" data-persona="${escapeHtml(persona.key)}">
    <span class="label">${escapeHtml(persona.label)}</span><span class="role">${escapeHtml(ROLE_LABELS[persona.role])}</span>
    <span class="desc">${escapeHtml(persona.description)}</span>
  </button></form>`,
    )
    .join('\n');
  const guest = `<form class="persona" method="post" action="/__local/sign-in">
  <input type="hidden" name="persona" value="guest"><input type="hidden" name="next" value="${escapeHtml(next)}">
  <button class="card" type="submit" data-persona="guest"><span class="label">新用户（首次打开小程序）</span>
  <span class="desc">没有任何资料的新居民，用来体验第一次使用</span></button></form>`;
  const current = signedInAs ? `<p class="note">当前身份：${escapeHtml(signedInAs)}。选择其他身份即可切换。</p>` : '';
  return layout(
    '选择演示身份',
    `<header><h1>枫桥邻警 · 本地模式</h1><p>选择一个演示身份登录。正式小程序里，身份来自微信，不需要这一步。</p></header>
<main>${current}<p class="note">这是本地云环境的演示登录页，只在本地模式存在，微信小程序版本中没有此页面。</p>${cards}${guest}</main>`,
  );
}

export function tablePage(title: string, intro: string, columns: string[], rows: unknown[][]): string {
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const body = rows.length
    ? rows
        .map((row) => `<tr>${row.map((cell) => `<td><pre>${escapeHtml(typeof cell === 'string' ? cell : JSON.stringify(cell, null, 1))}</pre></td>`).join('')}</tr>`)
        .join('\n')
    : `<tr><td colspan="${columns.length}">暂无记录</td></tr>`;
  return layout(title, `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p></header><main><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></main>`);
}
