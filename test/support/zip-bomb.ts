/**
 * A zip whose central directory declares one sheet of 3.75 GiB unzipped (0xF0000000 bytes) and holds no data: a
 * spreadsheet reader that trusts the directory would inflate gigabytes. The uploads' caps must refuse it before
 * inflating anything.
 */
export function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); // local file header
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); // central directory entry
  central.writeUInt32LE(0xf0000000, 24); // declared unzipped size: 3.75 GiB
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}
