import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { answerPath } from '../../src/domain/answer-url.ts';
import { answerPages, situationRules } from '../../src/domain/orientation.ts';
import { qrModules } from '../../src/domain/qr.ts';
import { absoluteUrl } from '../../src/domain/urls.ts';
import { realCatalog } from '../helpers/real-content.ts';

/** What a phone reads from the code: the modules drawn 4 pixels each, in a quiet zone of 4 modules. */
function read(modules: { size: number; data: Uint8Array }): string | undefined {
  const scale = 4;
  const side = (modules.size + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const column = Math.floor(x / scale) - 4;
      const inside = row >= 0 && column >= 0 && row < modules.size && column < modules.size;
      if (inside && modules.data[row * modules.size + column] === 1)
        pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  return jsQR(pixels, side, side)?.data;
}

describe('les codes QR', () => {
  it('une adresse en minuscules donne le même code que le choix des modes par la bibliothèque', () => {
    const url = 'https://www.exemple.fr/logement-social/orientation/bully-les-mines/moins-de-30-ans/?situations=a,b';
    const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(qrModules(url)).toEqual({ size, data });
  });

  it('chaque réponse de l’orientation se relit à sa propre adresse', async () => {
    const catalog = await realCatalog();
    const order = situationRules(catalog).map((rule) => rule.id);
    const base = catalog.site.basePath ?? '/';
    const urls = answerPages(catalog).map(({ commune, situation }) =>
      absoluteUrl(catalog.site.url, base, answerPath(commune, situation ? [situation] : [], order)),
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(read(qrModules(url))).toBe(url);
  });
});
