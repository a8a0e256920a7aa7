import { ragOfFill } from './fill-colour';

describe('ragOfFill', () => {
  it.each([
    ['FF0000', 'red'],
    ['C00000', 'red'],
    ['FFC7CE', 'red'],
    ['FFC000', 'amber'],
    ['FFFF00', 'amber'],
    ['ED7D31', 'amber'],
    ['FFEB9C', 'amber'],
    ['00B050', 'green'],
    ['92D050', 'green'],
    ['C6EFCE', 'green'],
    ['70AD47', 'green'],
    ['0070C0', 'blue'],
    ['00B0F0', 'blue'],
    ['4472C4', 'blue'],
    ['BDD7EE', 'blue'],
  ])('%s is %s', (rgb, rag) => {
    expect(ragOfFill(rgb)).toBe(rag);
  });

  it.each(['FFFFFF', '000000', 'D9D9D9', 'E8EDEE', 'DDEBF7', 'F2F2F2', '7030A0', '', null, 'nonsense'])('%s is no RAG colour', (rgb) => {
    expect(ragOfFill(rgb)).toBeNull();
  });
});
