import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string };
    tokenVersion: number;
  }
  interface User {
    id: string;
    tokenVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sub?: string;
    tv?: number;
  }
}
