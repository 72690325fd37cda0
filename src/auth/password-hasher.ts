import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id at 64 MiB, 3 passes, 4 lanes: above OWASP's minimum, about 50 ms here. */
// 2 is Algorithm.Argon2id; the enum is a const enum, which isolatedModules cannot read.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 65536, timeCost: 3, parallelism: 4 };

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
