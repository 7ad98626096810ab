// Vite imports CSS for its side effects.
declare module "*.css";
